-- Feature permissions an admin set for a member; without a row the member's role defaults apply.
create table member_permission (
    organization_id            uuid not null,
    user_id                    uuid not null,
    chat_enabled               boolean not null,
    chat_components            text not null,
    chat_lookback_window       int not null,
    interactions_enabled       boolean not null,
    patterns_enabled           boolean not null,
    team_management_enabled    boolean not null,
    api_key_management_enabled boolean not null,
    updated_by                 uuid not null,
    updated_at                 timestamp with time zone not null,
    primary key (organization_id, user_id)
);
