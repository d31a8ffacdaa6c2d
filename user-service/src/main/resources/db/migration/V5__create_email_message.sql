-- Every mail sent, with its delivery state. Bodies of mails that carry tokens are cleared once sent.
create table email_message (
    id              uuid primary key,
    organization_id uuid,
    requested_by    text not null,
    recipient       text not null,
    template        text not null,
    subject         text not null,
    body_text       text,
    body_html       text,
    sensitive       boolean not null,
    status          text not null check (status in ('queued', 'sent', 'failed')),
    attempts        int not null,
    next_attempt_at timestamp with time zone not null,
    last_error      text,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index email_message_queued_idx on email_message (next_attempt_at) where status = 'queued';
