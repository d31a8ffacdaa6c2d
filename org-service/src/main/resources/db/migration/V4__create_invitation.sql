-- Invitations by email. Only a SHA-256 of the token is stored; the token itself exists only in the mail.
create table invitation (
    id              uuid primary key,
    organization_id uuid not null,
    email           text not null,
    role            text not null check (role in ('admin', 'member')),
    token_hash      text not null unique,
    status          text not null check (status in ('pending', 'accepted', 'revoked')),
    invited_by      uuid not null,
    expires_at      timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone not null,
    accepted_by     uuid,
    accepted_at     timestamp with time zone,
    revoked_at      timestamp with time zone
);
create unique index invitation_pending_email_idx on invitation (organization_id, lower(email)) where status = 'pending';
create index invitation_by_organization_idx on invitation (organization_id, created_at desc);
