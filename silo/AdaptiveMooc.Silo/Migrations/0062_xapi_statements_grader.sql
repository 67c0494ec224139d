-- Whether a statement's source may grade (an admin, a trainer of the course, an API key allowed on the
-- course), stored with it so progress, certificates, mastery and analytics judge grades by their source
-- whenever they read the statement (issue 16). Statements stored before this column existed keep counting
-- as they did (true); every insert since names the value.
ALTER TABLE xapi_statements ADD COLUMN IF NOT EXISTS from_grader boolean NOT NULL DEFAULT true;
ALTER TABLE xapi_statements ALTER COLUMN from_grader SET DEFAULT false;
