-- Who belongs to which organization with which role. A removed member keeps a row with
-- removed_at so that a late member.added from before the removal is recognised as stale.
create table membership (
    organization_id uuid not null,
    user_id         uuid not null,
    role            text not null check (role in ('owner', 'admin', 'member')),
    synced_at       timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    removed_at      timestamp with time zone,
    primary key (organization_id, user_id)
);
create index membership_by_user_idx on membership (user_id);
