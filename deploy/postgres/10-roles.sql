-- Runs once when the PostgreSQL volume is created (docker-compose). ingest-service owns the schema as "evalboard";
-- query-service connects as "evalboard_reader", which can only read what evalboard creates.
CREATE ROLE evalboard_reader LOGIN PASSWORD 'evalboard_reader';
GRANT CONNECT ON DATABASE evalboard TO evalboard_reader;
GRANT USAGE ON SCHEMA public TO evalboard_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE evalboard IN SCHEMA public GRANT SELECT ON TABLES TO evalboard_reader;
