-- The weekly study hours a learner declared at enrolment (all their current study), which the risk
-- features read; kept with the rest of the enrolment the statement log does not hold.
ALTER TABLE analytics_members ADD COLUMN IF NOT EXISTS weekly_study_hours double precision NULL;
