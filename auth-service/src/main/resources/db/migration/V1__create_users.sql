create table users (
    id             uuid primary key,
    name           varchar(200) not null,
    email          varchar(254) not null,
    email_verified boolean      not null default false,
    image          varchar(2048),
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint users_email_unique unique (email),
    constraint users_email_lower_case check (email = lower(email))
);
