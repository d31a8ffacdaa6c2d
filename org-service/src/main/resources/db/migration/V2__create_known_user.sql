-- Users org-service has heard of (user.registered and friends), to find an invitee by email.
create table known_user (
    id        uuid primary key,
    email     text not null,
    name      text not null,
    image     text,
    synced_at timestamp with time zone not null
);
create unique index known_user_email_idx on known_user (lower(email));
