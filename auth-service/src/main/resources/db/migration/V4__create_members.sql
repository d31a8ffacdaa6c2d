create table members (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    user_id         uuid        not null references users (id) on delete cascade,
    role            varchar(16) not null,
    created_at      timestamp with time zone not null,
    constraint members_organization_user_unique unique (organization_id, user_id),
    constraint members_role_known check (role in ('owner', 'admin', 'member'))
);
create index members_user_id on members (user_id);
