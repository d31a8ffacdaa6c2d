-- ShedLock's lock table (its documented PostgreSQL layout): the periodic schedules run on one
-- instance at a time. The provider writes the database's UTC clock, as timestamps without zone.
CREATE TABLE shedlock (
    name       varchar(64)  NOT NULL PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
