-- Deliveries the producer gave up on (too many attempts or too old), kept for inspection and replay.
create table crow_event_delivery_failure (
    publication_id   uuid primary key,
    event_id         uuid,
    event_type       text not null,
    subscriber       text,
    attempts         int not null,
    published_at     timestamp with time zone not null,
    abandoned_at     timestamp with time zone not null,
    serialized_event text not null
);
create index crow_event_delivery_failure_by_abandoned_at_idx on crow_event_delivery_failure (abandoned_at);
