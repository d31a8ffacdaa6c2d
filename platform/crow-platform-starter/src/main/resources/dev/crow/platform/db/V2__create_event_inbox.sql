-- Event ids a subscriber has applied: inserted in the same transaction as the handlers' effects.
create table crow_event_inbox (
    event_id    uuid primary key,
    event_type  text not null,
    producer    text not null,
    occurred_at timestamp with time zone not null,
    received_at timestamp with time zone not null
);
create index crow_event_inbox_by_received_at_idx on crow_event_inbox (received_at);
