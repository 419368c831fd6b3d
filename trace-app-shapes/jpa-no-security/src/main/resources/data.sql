insert into thing (name) values ('kettle');
