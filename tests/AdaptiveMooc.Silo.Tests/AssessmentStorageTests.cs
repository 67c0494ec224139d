using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Silo.Tests;

/// <summary>The question bank, an attempt and item analysis on PostgreSQL storage, across a full cluster restart.</summary>
public sealed class AssessmentStorageTests
{
    private static readonly CourseDefinition Course = new(
        "assess-course", "Assessed course", "finance", null, "en", new Pricing(Pricing.Free), new CertificateRule(CertificateRule.Statement, 0.6), null,
        [new ModuleDefinition("m1", "Basics", [new LessonDefinition("l2", "Quiz", LessonKinds.Quiz, 10, ["npv"])])]);

    private static readonly QuestionItem Numeric = new(
        "n1", QuestionKinds.Numeric, "NPV of 110 in a year at 10%?", ["npv"], Answer: 100, Tolerance: 0.5, Explanation: "110/1.1 = 100.");

    private static readonly QuestionItem Choice = new(
        "s1", QuestionKinds.SingleChoice, "Discount factor?", ["npv"], [new QuestionChoice("a", "1/(1+r)^t"), new QuestionChoice("b", "(1+r)^t")], ["a"]);

    [Fact]
    public async Task Bank_attempt_and_statements_survive_a_full_cluster_restart()
    {
        await using var db = await MigratedDatabase.CreateAsync();
        var clusterId = $"assess-{Guid.NewGuid():N}";
        const string learnerId = "ada";
        var key = AttemptKeys.Of(learnerId, Course.Id, "l2");

        await using (var before = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId))
        {
            var grains = before.Client;
            Assert.True((await grains.GetGrain<ICourseGrain>(Course.Id).Create(Course, "trainer-1")).Succeeded);
            await grains.GetGrain<ICourseGrain>(Course.Id).Publish();
            var bank = grains.GetGrain<IQuestionBankGrain>(Course.Id);
            Assert.True((await bank.Save(Numeric, mustBeNew: true)).Succeeded);
            Assert.True((await bank.Save(Choice, mustBeNew: true)).Succeeded);
            Assert.True((await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["n1", "s1"], TimeLimitMinutes: 30, MaxAttempts: 2))).Succeeded);
            var learner = grains.GetGrain<ILearnerGrain>(learnerId);
            await learner.Register(new LearnerRegistration(learnerId, "Ada", "ada@example.org", "hash", "Europe/Paris", [new AvailabilityWindow(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0))]));
            Assert.True((await learner.Enroll(new EnrolmentRequest(Course.Id, null, null, DateTimeOffset.UtcNow.AddMinutes(-1)))).Succeeded);

            var first = grains.GetGrain<IAssessmentAttemptGrain>(key);
            Assert.True((await first.Start()).Result.Succeeded);
            Assert.True((await first.Answer(1, "n1", new ItemAnswer(Number: 100))).Feedback!.Correct);
        }

        await using var after = await MoocTestCluster.StartAsync(db.ConnectionString, clusterId);
        var restarted = after.Client;

        var stored = (await restarted.GetGrain<IQuestionBankGrain>(Course.Id).Get("n1"))!;
        Assert.Equal((Numeric.Kind, Numeric.Prompt, Numeric.Answer, Numeric.Tolerance, Numeric.Explanation), (stored.Kind, stored.Prompt, stored.Answer, stored.Tolerance, stored.Explanation));
        Assert.Equal(["npv"], stored.Skills);
        Assert.Equal(["n1", "s1"], (await restarted.GetGrain<IQuestionBankGrain>(Course.Id).GetAssessment("l2"))!.ItemIds);
        var view = await restarted.GetGrain<IAssessmentAttemptGrain>(key).Get();
        Assert.Equal(1, view.AttemptsUsed);
        Assert.Equal(2, view.MaxAttempts);
        var answered = Assert.Single(view.Latest!.Answers);
        Assert.Equal("n1", answered.ItemId);
        Assert.Equal("110/1.1 = 100.", answered.Explanation);

        // The answer survived as an acknowledged grade: answering again is refused, submitting scores it.
        var attempts = restarted.GetGrain<IAssessmentAttemptGrain>(key);
        Assert.Equal(Grains.Abstractions.Common.CommandStatus.Conflict, (await attempts.Answer(1, "n1", new ItemAnswer(Number: 1))).Result.Status);
        var submitted = await attempts.Submit(1);
        Assert.Equal(0.5, submitted.Attempt!.Score);
        Assert.Equal(1, Assert.Single(await restarted.GetGrain<IItemAnalysisGrain>(Course.Id).Get(), s => s.ItemId == "n1").Attempts);

        // The statement log in PostgreSQL holds the answer once (re-sent on submission) and the submission, from the platform as grader.
        await using var command = db.DataSource.CreateCommand(
            "SELECT verb, item_id, success, score_scaled, from_grader FROM xapi_statements WHERE learner_id = $1 ORDER BY seq");
        command.Parameters.AddWithValue(learnerId);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Verb, string? Item, bool? Success, double? Score, bool Grader)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetBoolean(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetBoolean(4)));
        }

        Assert.Equal(2, rows.Count);
        Assert.Equal(("http://adlnet.gov/expapi/verbs/answered", "n1", true, null, true), (rows[0].Verb, rows[0].Item, rows[0].Success, rows[0].Score, rows[0].Grader));
        Assert.Equal(("http://adlnet.gov/expapi/verbs/failed", null, false, 0.5, true), (rows[1].Verb, rows[1].Item, rows[1].Success, rows[1].Score, rows[1].Grader));
    }
}
