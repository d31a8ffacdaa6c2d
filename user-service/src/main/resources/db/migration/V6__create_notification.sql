-- In-app notifications shown to one user.
create table notification (
    id              uuid primary key,
    user_id         uuid not null,
    organization_id uuid,
    type            text not null,
    title           text not null,
    body            text not null,
    created_at      timestamp with time zone not null,
    read_at         timestamp with time zone
);
create index notification_by_user_idx on notification (user_id, created_at desc);
