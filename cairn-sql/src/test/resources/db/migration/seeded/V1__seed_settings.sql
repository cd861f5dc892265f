-- A hand-written migration read from the class path (db/migration/{name}).
create table "settings" ("key" varchar(64) not null primary key, "value" text);
insert into "settings" ("key", "value") values ('theme', 'dark');
