-- The test service's own migration: a V1 of its own next to the starter's V1..V3.
create table organization_copy (
    id              bigserial primary key,
    event_id        uuid not null,
    organization_id text not null,
    name            text not null
);
