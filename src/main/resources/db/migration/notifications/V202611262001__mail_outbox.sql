create schema if not exists notifications;

-- The transactional mail outbox: a mail is stored in the transaction of the change that causes
-- it, and delivered after commit by whichever node claims it first (FOR UPDATE SKIP LOCKED).
create table notifications.outbox (
    id              uuid        primary key,
    created_at      timestamptz not null,
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text,
    category        text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz,
    last_error      text,
    sent_at         timestamptz,
    -- header injection is refused on the way in; the table refuses it too
    constraint outbox_single_line_headers check (recipient !~ '[\r\n]' and subject !~ '[\r\n]'),
    constraint outbox_pending_is_scheduled check (status <> 'PENDING' or next_attempt_at is not null)
);
-- what the delivery run looks for
create index outbox_due_idx on notifications.outbox (next_attempt_at) where status = 'PENDING';
-- the operator's outbox page, newest first
create index outbox_newest_idx on notifications.outbox (created_at desc, id desc);
