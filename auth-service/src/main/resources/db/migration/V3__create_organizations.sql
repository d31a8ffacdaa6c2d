create table organizations (
    id                    uuid primary key,
    name                  varchar(100)  not null,
    slug                  varchar(63)   not null,
    logo                  varchar(2048),
    metadata              varchar(4096),
    tier                  varchar(16)   not null default 'free',
    -- Only enterprise organizations carry their own limits; null means "the tier's limits".
    rate_limit_per_minute integer,
    rate_limit_per_day    bigint,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    constraint organizations_slug_unique unique (slug),
    constraint organizations_tier_known check (tier in ('free', 'starter', 'professional', 'enterprise')),
    constraint organizations_rate_limit_pair check ((rate_limit_per_minute is null) = (rate_limit_per_day is null)),
    constraint organizations_rate_limit_positive check (rate_limit_per_minute is null or (rate_limit_per_minute > 0 and rate_limit_per_day > 0))
);
