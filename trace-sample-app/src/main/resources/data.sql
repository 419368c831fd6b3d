insert into lot (title, current_price, state) values ('Vintage typewriter', 120, 'OPEN');
insert into lot (title, current_price, state) values ('Oak writing desk', 450, 'OPEN');
insert into lot (title, current_price, state) values ('Brass ship clock', 300, 'OPEN');
