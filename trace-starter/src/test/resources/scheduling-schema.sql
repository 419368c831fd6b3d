create table lot (id bigint auto_increment primary key, title varchar(200) not null, state varchar(20) not null);
insert into lot (title, state) values ('l1', 'open'), ('l2', 'open'), ('l3', 'open'), ('l4', 'open'), ('l5', 'open'),
  ('l6', 'open'), ('l7', 'open'), ('l8', 'open'), ('l9', 'open'), ('l10', 'open');
