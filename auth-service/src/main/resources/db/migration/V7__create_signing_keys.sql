-- Ed25519 key pairs for internal JWTs. The private key is AES-GCM sealed under a key derived
-- from crow.auth.signing-key-secret; the database alone cannot sign.
create table signing_keys (
    id                 uuid primary key,
    kid                varchar(64) not null,
    algorithm          varchar(16) not null,
    public_key         bytea       not null,
    private_key_sealed bytea       not null,
    created_at         timestamp with time zone not null,
    retired_at         timestamp with time zone,
    publish_until      timestamp with time zone,
    constraint signing_keys_kid_unique unique (kid)
);
