-- Users as auth-service announces them (user.registered / user.updated / member.added), plus the
-- profile fields edited here. synced_at is the occurredAt of the newest event applied, so that a
-- late, older event never overwrites newer data.
create table user_profile (
    id                  uuid primary key,
    email               text not null,
    name                text not null,
    profile_picture_url text,
    picture_key         text,
    synced_at           timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create unique index user_profile_email_idx on user_profile (lower(email));
create index user_profile_email_prefix_idx on user_profile (lower(email) text_pattern_ops);
