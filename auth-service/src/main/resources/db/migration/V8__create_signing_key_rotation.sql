-- One row that instances lock (select ... for update) while they rotate keys.
create table signing_key_rotation (
    id         smallint primary key,
    rotated_at timestamp with time zone,
    constraint signing_key_rotation_single_row check (id = 1)
);
insert into signing_key_rotation (id) values (1);
