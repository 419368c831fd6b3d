create table lot (id bigint auto_increment primary key, title varchar(200) not null, current_price bigint not null);
create table bid (id bigint auto_increment primary key, lot_id bigint not null references lot(id), amount bigint not null);
insert into lot (title, current_price) values ('Bike', 100), ('Clock', 50), ('Lamp', 20);
