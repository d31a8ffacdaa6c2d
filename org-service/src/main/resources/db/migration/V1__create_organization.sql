-- Organizations as auth-service announces them. synced_at is the occurredAt of the newest event applied.
create table organization (
    id            uuid primary key,
    name          text not null,
    slug          text,
    logo          text,
    tier          text not null,
    synced_at     timestamp with time zone not null,
    created_at    timestamp with time zone not null
);
