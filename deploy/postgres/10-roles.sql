-- Runs once, as the superuser, when the PostgreSQL volume is created (docker-compose). Neither service is a
-- superuser: ingest-service owns the database and its schema as "evalboard" (Flyway creates the tables);
-- query-service connects as "evalboard_reader", which can only read what evalboard creates.
CREATE ROLE evalboard LOGIN PASSWORD 'evalboard';
ALTER DATABASE evalboard OWNER TO evalboard;
-- Since PostgreSQL 15 the public schema belongs to the database owner (pg_database_owner): evalboard creates in it.
CREATE ROLE evalboard_reader LOGIN PASSWORD 'evalboard_reader';
GRANT CONNECT ON DATABASE evalboard TO evalboard_reader;
GRANT USAGE ON SCHEMA public TO evalboard_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE evalboard IN SCHEMA public GRANT SELECT ON TABLES TO evalboard_reader;
