using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.Training;
using AdaptiveMooc.Tests.Shared;
using Npgsql;

namespace AdaptiveMooc.ML.Tests.Risk;

/// <summary><c>train --from-db</c>'s reader on a real PostgreSQL holding the silo's statement table.</summary>
public sealed class PostgresStatementSourceTests
{
    [Fact]
    public async Task Reads_stored_statements_as_learning_events_by_course_learner_and_time()
    {
        await using var database = await TestDatabase.CreateAsync(CreateTableAsync);
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        await InsertAsync(database, "b", "http://adlnet.gov/expapi/verbs/passed", t0.AddDays(2), "c1", "quiz-1", "q1", true, 0.9, 60_000);
        await InsertAsync(database, "a", "http://adlnet.gov/expapi/verbs/experienced", t0.AddDays(1), "c1", "l1", null, null, null, null);
        await InsertAsync(database, "a", "http://adlnet.gov/expapi/verbs/answered", t0, "c1", "quiz-1", "q2", false, null, null);
        await InsertAsync(database, "a", "https://example.org/verbs/liked", t0, null, null, null, null, null, null);

        var events = new List<LearningEvent>();
        await foreach (var e in new PostgresStatementSource(database.ConnectionString).ReadAsync())
        {
            events.Add(e);
        }

        // Statements without a course are not learning events of a course; the rest come ordered.
        Assert.Equal(
            [("a", LearningVerb.Answered), ("a", LearningVerb.Experienced), ("b", LearningVerb.Passed)],
            events.Select(e => (e.LearnerId, e.Verb)));
        var passed = events[2];
        Assert.Equal(("c1", "quiz-1", "q1", true, 0.9, TimeSpan.FromMinutes(1), t0.AddDays(2)),
            (passed.CourseId, passed.LessonId, passed.ItemId, passed.Success, passed.ScoreScaled, passed.Duration, passed.Timestamp));
        Assert.Equal((false, (double?)null, (TimeSpan?)null), (events[0].Success, events[0].ScoreScaled, events[0].Duration));

        // No analytics members log in this database: nobody declared study hours.
        Assert.Empty(await new PostgresStatementSource(database.ConnectionString).DeclaredStudyHoursAsync());

        // Three statements are far too little history: every model file is left alone.
        var output = Path.Combine(Path.GetTempPath(), "from-db-pg-" + Guid.NewGuid().ToString("N"));
        var result = await DatabaseModelTrainer.TrainAsync(new PostgresStatementSource(database.ConnectionString), output, 1, _ => { });
        Assert.Equal((3, 1, false, false, false), (result.Statements, result.Courses, result.DropoutModelWritten, result.RiskModelWritten, result.PacingModelWritten));
        Assert.False(Directory.Exists(output) && Directory.EnumerateFiles(output).Any());
    }

    [Fact]
    public async Task Reads_declared_study_hours_of_enrolled_learners_from_the_members_log()
    {
        await using var database = await TestDatabase.CreateAsync((dataSource, ct) => ApplyAsync(dataSource, ct, "0060_analytics_members.sql", "0061_analytics_members_study_hours.sql"));
        await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
        await using (var insert = dataSource.CreateCommand(
            """
            INSERT INTO analytics_members (course_id, shard, learner_id, enrolled, enrolled_at, weekly_study_hours) VALUES
              ('c1', 0, 'ada', true, now(), 12.5),
              ('c1', 3, 'bob', true, now(), NULL),
              ('c2', 1, 'ada', true, now(), 30),
              ('c2', 2, 'eve', false, NULL, NULL)
            """))
        {
            await insert.ExecuteNonQueryAsync();
        }

        var hours = await new PostgresStatementSource(database.ConnectionString).DeclaredStudyHoursAsync();

        Assert.Equal(new Dictionary<(string, string), double> { [("c1", "ada")] = 12.5, [("c2", "ada")] = 30 }, hours);
    }

    [Fact]
    public async Task A_learners_own_results_do_not_count_as_grades_as_the_platform_rules()
    {
        await using var database = await TestDatabase.CreateAsync((dataSource, ct) => ApplyAsync(dataSource, ct, "0010_xapi_statements.sql", "0062_xapi_statements_grader.sql"));
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        const string Verbs = "http://adlnet.gov/expapi/verbs/";

        // A trainer's grade makes quiz-1 a graded lesson; nobody graded the video l1.
        await InsertAsync(database, "b", Verbs + "passed", t0, "c1", "quiz-1", null, true, 0.9, null, fromGrader: true);
        await InsertAsync(database, "a", Verbs + "passed", t0.AddMinutes(1), "c1", "quiz-1", null, true, 1.0, null, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "completed", t0.AddMinutes(2), "c1", "quiz-1", null, null, 1.0, null, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "answered", t0.AddMinutes(3), "c1", "quiz-2", "q2", true, 1.0, null, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "passed", t0.AddMinutes(4), "c1", "l1", null, true, 1.0, 30_000, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "failed", t0.AddMinutes(5), "c1", "l1", null, false, 0.1, null, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "completed", t0.AddMinutes(6), "c1", "l1", null, null, null, null, fromGrader: false);

        // A learner's own item statement does not make their video a graded lesson either.
        await InsertAsync(database, "a", Verbs + "answered", t0.AddMinutes(7), "c1", "l2", "x", true, null, null, fromGrader: false);
        await InsertAsync(database, "a", Verbs + "completed", t0.AddMinutes(8), "c1", "l2", null, null, null, null, fromGrader: false);

        var events = new List<LearningEvent>();
        await foreach (var e in new PostgresStatementSource(database.ConnectionString).ReadAsync())
        {
            events.Add(e);
        }

        Assert.Equal(
            [
                ("a", "quiz-1", LearningVerb.Attempted, (bool?)null, (double?)null),
                ("a", "quiz-1", LearningVerb.Attempted, null, null),
                ("a", "quiz-2", LearningVerb.Answered, null, null),
                ("a", "l1", LearningVerb.Completed, null, null),
                ("a", "l1", LearningVerb.Attempted, null, null),
                ("a", "l1", LearningVerb.Completed, null, null),
                ("a", "l2", LearningVerb.Answered, null, null),
                ("a", "l2", LearningVerb.Completed, null, null),
                ("b", "quiz-1", LearningVerb.Passed, true, 0.9),
            ],
            events.Select(e => (e.LearnerId, e.LessonId!, e.Verb, e.Success, e.ScoreScaled)));
        Assert.Equal(TimeSpan.FromSeconds(30), events[3].Duration);
    }

    [Fact]
    public async Task Graded_item_answers_retrain_knowledge_tracing_with_their_skills_and_the_card_counts_them()
    {
        await using var database = await TestDatabase.CreateAsync((dataSource, ct) => ApplyAsync(dataSource, ct, "0010_xapi_statements.sql", "0062_xapi_statements_grader.sql"));
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        const string Answered = "http://adlnet.gov/expapi/verbs/answered";
        var random = new Random(4);
        var answers = 0;
        for (var learner = 0; learner < 200; learner++)
        {
            var ability = random.NextDouble();
            for (var k = 0; k < 6; k++)
            {
                // Items i0..i5 from easy to hard; even items exercise npv, odd ones irr.
                var item = (learner + k) % 6;
                var correct = random.NextDouble() < Math.Clamp(0.95 - (0.12 * item) + (0.3 * (ability - 0.5)), 0.05, 0.98);
                var skill = item % 2 == 0 ? "npv" : "irr";
                await InsertAsync(database, $"l{learner}", Answered, t0.AddMinutes((learner * 10) + k), "c1", "quiz-1", $"i{item}", correct, null, null, fromGrader: true,
                    json: "{\"context\":{\"extensions\":{\"https://mooc.example/xapi/extensions/skills\":[\"" + skill + "\"]}}}");
                answers++;
            }
        }

        // A learner's own answer says nothing about a grade and carries no skills.
        await InsertAsync(database, "l0", Answered, t0.AddDays(1), "c1", "quiz-1", "i0", true, null, null, fromGrader: false,
            json: "{\"context\":{\"extensions\":{\"https://mooc.example/xapi/extensions/skills\":[\"npv\"]}}}");

        var events = new List<LearningEvent>();
        await foreach (var e in new PostgresStatementSource(database.ConnectionString).ReadAsync())
        {
            events.Add(e);
        }

        Assert.All(events.Where(e => e.Success is not null), e => Assert.Equal([e.ItemId is "i0" or "i2" or "i4" ? "npv" : "irr"], e.Skills));
        Assert.Empty(events.Single(e => e.Success is null).Skills);

        var output = Path.Combine(Path.GetTempPath(), "from-db-kt-" + Guid.NewGuid().ToString("N"));
        try
        {
            File.WriteAllText(Path.Combine(Directory.CreateDirectory(output).FullName, "MODEL_CARD.md"), "# Model card\n\n## Risk\n\nshipped text\n");
            var result = await DatabaseModelTrainer.TrainAsync(new PostgresStatementSource(database.ConnectionString), output, 1, _ => { });
            Assert.Equal(answers, result.KtAnswers);
            Assert.True(result.KtModelWritten);
            Assert.NotNull(result.KtHoldoutAuc);
            var model = AdaptiveMooc.ML.KnowledgeTracing.KnowledgeTracingModel.Load(output);
            Assert.True(model.HasClassifier);

            // The retrained model knows the platform's items: the easy one is predicted easier than the hard one.
            var fresh = new AdaptiveMooc.ML.KnowledgeTracing.LearnerKnowledgeState();
            Assert.True(model.PredictCorrect(fresh, ["npv"], "i0") > model.PredictCorrect(fresh, ["npv"], "i4"));

            var card = File.ReadAllText(Path.Combine(output, "MODEL_CARD.md"));
            Assert.Contains("shipped text", card, StringComparison.Ordinal);
            Assert.Contains($"**{answers} graded item answers** of 200 learners (6 items, 2 skills)", card, StringComparison.Ordinal);

            // Run again: the section is replaced, not repeated.
            await DatabaseModelTrainer.TrainAsync(new PostgresStatementSource(database.ConnectionString), output, 1, _ => { });
            card = File.ReadAllText(Path.Combine(output, "MODEL_CARD.md"));
            Assert.Equal(card.IndexOf(DatabaseModelTrainer.KtCardHeading, StringComparison.Ordinal), card.LastIndexOf(DatabaseModelTrainer.KtCardHeading, StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static async Task ApplyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken, params string[] migrations)
    {
        foreach (var migration in migrations)
        {
            var sql = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "silo", "AdaptiveMooc.Silo", "Migrations", migration), cancellationToken);
            await using var command = dataSource.CreateCommand(sql);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task Video_player_statements_are_read_as_the_learner_grain_reads_them()
    {
        await using var database = await TestDatabase.CreateAsync(CreateTableAsync);
        var t0 = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var rows = new (string Verb, bool? Completion)[]
        {
            ("https://w3id.org/xapi/video/verbs/played", null),
            ("https://w3id.org/xapi/video/verbs/paused", null),
            ("https://w3id.org/xapi/video/verbs/seeked", null),
            ("http://adlnet.gov/expapi/verbs/completed", false),
            ("http://adlnet.gov/expapi/verbs/completed", true),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            await using var command = database.DataSource.CreateCommand(
                """
                INSERT INTO xapi_statements (id, learner_id, verb, activity_id, ts, stored, content_hash, statement, course_id, lesson_id, completion)
                VALUES ($1, 'a', $2, 'urn:activity', $3, now(), 'h', '{}'::jsonb, 'c1', 'l1', $4)
                """);
            command.Parameters.AddWithValue(Guid.NewGuid());
            command.Parameters.AddWithValue(rows[i].Verb);
            command.Parameters.AddWithValue(t0.AddMinutes(i).UtcDateTime);
            command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Boolean, (object?)rows[i].Completion ?? DBNull.Value);
            await command.ExecuteNonQueryAsync();
        }

        var verbs = new List<LearningVerb>();
        await foreach (var e in new PostgresStatementSource(database.ConnectionString).ReadAsync())
        {
            verbs.Add(e.Verb);
        }

        Assert.Equal(
            [LearningVerb.Experienced, LearningVerb.Experienced, LearningVerb.Experienced, LearningVerb.Progressed, LearningVerb.Completed],
            verbs);
    }

    private static string RepositoryRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "AdaptiveMooc.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("repository root not found");
        }

        return root;
    }

    /// <summary>The table exactly as the silo's migration creates it.</summary>
    private static Task CreateTableAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        ApplyAsync(dataSource, cancellationToken, "0010_xapi_statements.sql");

    private static async Task InsertAsync(
        TestDatabase database, string learner, string verb, DateTimeOffset timestamp, string? course, string? lesson, string? item,
        bool? success, double? score, long? durationMs, bool? fromGrader = null, string json = "{}")
    {
        await using var command = database.DataSource.CreateCommand(fromGrader is null
            ? """
              INSERT INTO xapi_statements (id, learner_id, verb, activity_id, ts, stored, content_hash, statement, course_id, lesson_id, item_id, success, score_scaled, duration_ms)
              VALUES ($1, $2, $3, 'urn:activity', $4, now(), 'h', '{}'::jsonb, $5, $6, $7, $8, $9, $10)
              """
            : """
              INSERT INTO xapi_statements (id, learner_id, verb, activity_id, ts, stored, content_hash, statement, course_id, lesson_id, item_id, success, score_scaled, duration_ms, from_grader)
              VALUES ($1, $2, $3, 'urn:activity', $4, now(), 'h', $12::jsonb, $5, $6, $7, $8, $9, $10, $11)
              """);
        command.Parameters.AddWithValue(Guid.NewGuid());
        command.Parameters.AddWithValue(learner);
        command.Parameters.AddWithValue(verb);
        command.Parameters.AddWithValue(timestamp.UtcDateTime);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)course ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)lesson ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)item ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Boolean, (object?)success ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Double, (object?)score ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Bigint, (object?)durationMs ?? DBNull.Value);
        if (fromGrader is { } grader)
        {
            command.Parameters.AddWithValue(grader);
            command.Parameters.AddWithValue(json);
        }

        await command.ExecuteNonQueryAsync();
    }
}
