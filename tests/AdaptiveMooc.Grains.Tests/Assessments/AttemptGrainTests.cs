using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.ML.Events;
using AdaptiveMooc.ML.KnowledgeTracing;

namespace AdaptiveMooc.Grains.Tests.Assessments;

[Collection(AssessmentClusterCollection.Name)]
public sealed class AttemptGrainTests(AssessmentClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task An_attempt_grades_each_kind_and_records_answered_then_passed_statements_as_grader()
    {
        var items = new[] { Bank.Single("s1"), Bank.Multiple("m1"), Bank.Numeric("n1"), Bank.Short("t1") };
        var (learnerId, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1", "m1", "n1", "t1"]), items);
        var attempts = Bank.Attempts(Grains, learnerId, courseId);

        var started = await attempts.Start();
        Assert.Equal(CommandStatus.Created, started.Result.Status);
        Assert.Equal(["s1", "m1", "n1", "t1"], started.Attempt!.Items.Select(i => i.Id));
        Assert.Empty(started.Attempt.Answers);

        var s1 = await attempts.Answer(1, "s1", new ItemAnswer(["a"]));
        Assert.True(s1.Feedback!.Correct);
        Assert.Equal("Right: discounting divides.", s1.Feedback.Feedback);
        Assert.Equal("A payment in t years is worth 1/(1+r)^t today.", s1.Feedback.Explanation);
        Assert.Equal("1/(1+r)^t", s1.Feedback.CorrectAnswer);
        Assert.False((await attempts.Answer(1, "m1", new ItemAnswer(["a"]))).Feedback!.Correct);
        Assert.Equal("number", (await attempts.Answer(1, "n1", new ItemAnswer(Text: "100"))).Result.Field);
        Assert.Equal("itemId", (await attempts.Answer(1, "zz", new ItemAnswer(Text: "100"))).Result.Field);
        Assert.True((await attempts.Answer(1, "n1", new ItemAnswer(Number: 100.2))).Feedback!.Correct);
        Assert.True((await attempts.Answer(1, "t1", new ItemAnswer(Text: "IRR"))).Feedback!.Correct);

        var again = await attempts.Answer(1, "s1", new ItemAnswer(["b"]));
        Assert.Equal(CommandStatus.Conflict, again.Result.Status);

        var submitted = await attempts.Submit(1);
        Assert.Equal(0.75, submitted.Attempt!.Score);
        Assert.True(submitted.Attempt.Passed);
        Assert.Equal(AttemptStatus.Submitted, submitted.Attempt.Status);
        Assert.Equal(CommandStatus.Conflict, (await attempts.Submit(1)).Result.Status);

        var statements = (await Grains.GetGrain<IStatementQueryGrain>(0).Query(new StatementQuery(learnerId, null, null, null, null, 50, null, true))).Statements;
        Assert.Equal(5, statements.Count);
        Assert.All(statements, s => Assert.True(s.Statement.FromGrader));
        var answered = statements.Where(s => s.Statement.Verb == XapiVerbs.Answered).ToList();
        Assert.Equal(["s1", "m1", "n1", "t1"], answered.Select(s => s.Statement.ItemId));
        Assert.Equal([true, false, true, true], answered.Select(s => s.Statement.Success));
        Assert.Contains("\"/xapi/extensions/skills\"", answered[3].Statement.Json.Replace("http://127.0.0.1:5080", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        var passed = Assert.Single(statements, s => s.Statement.Verb == XapiVerbs.Passed);
        Assert.Equal(0.75, passed.Statement.ScoreScaled);
        Assert.Null(passed.Statement.ItemId);

        var progress = (await Grains.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        Assert.Contains("l2", progress.CompletedLessons);
        Assert.Equal(0.75, (await Grains.GetGrain<ILearnerGrain>(learnerId).GetBestScores(courseId))["l2"]);
    }

    [Fact]
    public async Task Knowledge_tracing_learns_from_bank_item_answers_exactly_as_from_listed_item_answers()
    {
        // Bank items b1..b3 (npv) and b4 (irr) are not listed on lesson l2: their skills come from the statements.
        var items = new[] { Bank.Single("b1"), Bank.Numeric("b2"), Bank.Single("b3"), Bank.Short("b4") };
        var (learnerId, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["b1", "b2", "b3", "b4"]), items);
        var attempts = Bank.Attempts(Grains, learnerId, courseId);
        await attempts.Start();
        var answers = new (string Item, ItemAnswer Answer, bool Correct, string Skill)[]
        {
            ("b1", new ItemAnswer(["a"]), true, "npv"),
            ("b2", new ItemAnswer(Number: 50), false, "npv"),
            ("b3", new ItemAnswer(["a"]), true, "npv"),
            ("b4", new ItemAnswer(Text: "npv"), false, "irr"),
        };
        var model = KnowledgeTracingModel.ColdStart();
        var knowledge = new LearnerKnowledgeState();
        foreach (var (item, answer, correct, skill) in answers)
        {
            Assert.Equal(correct, (await attempts.Answer(1, item, answer)).Feedback!.Correct);
            model.Apply(knowledge, new LearningEvent(learnerId, courseId, "l2", item, LearningVerb.Answered, fixture.Clock.GetUtcNow(), correct, null, null, [skill]));
        }

        var expected = model.MasteryBySkill(knowledge, ["npv", "irr"]);
        var mastery = (await Grains.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!.MasteryBySkill;
        Assert.Equal(Math.Round(expected["npv"], 4), mastery["npv"]);
        Assert.Equal(Math.Round(expected["irr"], 4), mastery["irr"]);
    }

    [Fact]
    public async Task A_learner_claim_on_a_bank_item_never_moves_mastery()
    {
        var (learnerId, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["b1"]), Bank.Single("b1"));
        var record = AssessmentStatementsProbe.LearnerClaim(learnerId, courseId, "b1", fixture.Clock.GetUtcNow());
        await Grains.GetGrain<IStatementIngestGrain>(0).Ingest([record]);
        var progress = (await Grains.GetGrain<ILearnerGrain>(learnerId).GetProgress(courseId))!;
        Assert.Empty(progress.MasteryBySkill);
    }

    [Fact]
    public async Task Maximum_attempts_hold_under_concurrent_starts_and_submissions()
    {
        var (learnerId, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1"], MaxAttempts: 2), Bank.Single("s1"));
        var attempts = Bank.Attempts(Grains, learnerId, courseId);

        // Each caller starts (or resumes) and submits until no attempt is left: however the calls interleave,
        // exactly two submissions succeed.
        async Task<int> StartAndSubmitUntilRefused()
        {
            var submissions = 0;
            while (true)
            {
                var started = await attempts.Start();
                if (!started.Result.Succeeded)
                {
                    Assert.Equal("maxAttempts", started.Result.Field);
                    return submissions;
                }

                var submitted = await attempts.Submit(started.Attempt!.Number);
                submissions += submitted.Result.Succeeded ? 1 : 0;
            }
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(StartAndSubmitUntilRefused)));

        var view = await attempts.Get();
        Assert.Equal(2, view.AttemptsUsed);
        Assert.Equal(2, view.MaxAttempts);
        Assert.Equal(2, results.Sum());
        Assert.Single(view.Earlier);
        Assert.Equal(CommandStatus.Conflict, (await attempts.Start()).Result.Status);
    }

    [Fact]
    public async Task Only_one_of_many_concurrent_submissions_of_an_attempt_succeeds()
    {
        var (learnerId, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1"]), Bank.Single("s1"));
        var attempts = Bank.Attempts(Grains, learnerId, courseId);
        await attempts.Start();
        await attempts.Answer(1, "s1", new ItemAnswer(["a"]));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => attempts.Submit(1))));

        Assert.Single(outcomes, o => o.Result.Succeeded);
        Assert.Equal(15, outcomes.Count(o => o.Result.Status == CommandStatus.Conflict));
        var statements = (await Grains.GetGrain<IStatementQueryGrain>(0).Query(new StatementQuery(learnerId, null, XapiVerbs.Passed, null, null, 50, null, true))).Statements;
        Assert.Single(statements);
    }

    [Fact]
    public async Task The_time_limit_closes_answers_and_grades_what_was_answered_in_time()
    {
        var (learnerId, courseId) = await Bank.Course(
            Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1", "n1"], TimeLimitMinutes: 10, MaxAttempts: 3), Bank.Single("s1"), Bank.Numeric("n1"));
        var attempts = Bank.Attempts(Grains, learnerId, courseId);
        var started = await attempts.Start();
        Assert.Equal(started.Attempt!.StartedAt.AddMinutes(10), started.Attempt.Deadline);
        Assert.True((await attempts.Answer(1, "s1", new ItemAnswer(["a"]))).Result.Succeeded);

        fixture.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        var late = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => attempts.Answer(1, "n1", new ItemAnswer(Number: 100)))));
        Assert.All(late, o => Assert.Equal(CommandStatus.Conflict, o.Result.Status));
        Assert.Equal(AttemptStatus.Expired, (await attempts.Get()).Latest!.Status);

        var submitted = await attempts.Submit(1);
        Assert.Equal(0.5, submitted.Attempt!.Score);
        Assert.False(submitted.Attempt.Passed);
        Assert.Equal(started.Attempt.Deadline, submitted.Attempt.SubmittedAt);
    }

    [Fact]
    public async Task Starting_after_an_expired_attempt_grades_it_and_counts_it()
    {
        var (learnerId, courseId) = await Bank.Course(
            Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1"], TimeLimitMinutes: 5, MaxAttempts: 2), Bank.Single("s1"));
        var attempts = Bank.Attempts(Grains, learnerId, courseId);
        await attempts.Start();
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));

        var second = await attempts.Start();

        Assert.Equal(2, second.Attempt!.Number);
        var view = await attempts.Get();
        Assert.Equal(0, Assert.Single(view.Earlier).Score);
        var failed = (await Grains.GetGrain<IStatementQueryGrain>(0).Query(new StatementQuery(learnerId, null, XapiVerbs.Failed, null, null, 50, null, true))).Statements;
        Assert.Single(failed);
    }

    [Fact]
    public async Task Pools_draw_the_asked_number_of_items_per_skill_and_differ_between_attempts()
    {
        var items = Enumerable.Range(1, 12).Select(i => Bank.Single($"n{i}", "npv"))
            .Concat(Enumerable.Range(1, 6).Select(i => Bank.Short($"r{i}", "irr"))).ToArray();
        var definition = new AssessmentDefinition(Pools: [new SkillPool("npv", 3), new SkillPool("irr", 2)]);
        var (_, courseId) = await Bank.Course(Grains, fixture.Clock, definition, items);
        var bank = Grains.GetGrain<IQuestionBankGrain>(courseId);

        var draws = new List<string>();
        for (var seed = 0; seed < 20; seed++)
        {
            var draw = (await bank.Draw("l2", seed))!;
            Assert.Equal(5, draw.Items.Count);
            Assert.Equal(3, draw.Items.Count(i => i.Skills.Contains("npv")));
            Assert.Equal(2, draw.Items.Count(i => i.Skills.Contains("irr")));
            Assert.Equal(5, draw.Items.Select(i => i.Id).Distinct().Count());
            draws.Add(string.Join(',', draw.Items.Select(i => i.Id)));
        }

        Assert.True(draws.Distinct().Count() > 10, string.Join(" | ", draws));
        Assert.Equal("pools[0].count", (await bank.SetAssessment("l2", new AssessmentDefinition(Pools: [new SkillPool("irr", 7)]))).Field);
        Assert.Equal(CommandStatus.Ok, (await bank.SetAssessment("l2", new AssessmentDefinition(Pools: [new SkillPool("irr", 6)]))).Status);
        Assert.Equal(CommandStatus.Conflict, (await bank.Remove("r1")).Status);
        Assert.Equal("skills", (await bank.Save(Bank.Short("r1", "npv"), mustBeNew: false)).Field);
        Assert.Equal(CommandStatus.Ok, (await bank.Remove("n1")).Status);
    }

    [Fact]
    public async Task The_bank_refuses_what_would_break_an_assessment_and_stores_nothing_invalid()
    {
        var (_, courseId) = await Bank.Course(Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["s1"]), Bank.Single("s1"), Bank.Numeric("n1"));
        var bank = Grains.GetGrain<IQuestionBankGrain>(courseId);

        Assert.Equal(CommandStatus.Conflict, (await bank.Remove("s1")).Status);
        Assert.Equal(CommandStatus.Ok, (await bank.Remove("n1")).Status);
        Assert.Null(await bank.Get("n1"));
        Assert.Equal(CommandStatus.Conflict, (await bank.Save(Bank.Single("s1"), mustBeNew: true)).Status);
        Assert.Equal("skills[0]", (await bank.Save(Bank.Single("x1", "astrology"), mustBeNew: true)).Field);
        Assert.Null(await bank.Get("x1"));
        Assert.Equal("lessonId", (await bank.SetAssessment("l1", new AssessmentDefinition(ItemIds: ["s1"]))).Field);
        Assert.Equal(CommandStatus.NotFound, (await bank.SetAssessment("l9", new AssessmentDefinition(ItemIds: ["s1"]))).Status);
        Assert.Equal("itemIds[1]", (await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["s1", "zz"]))).Field);
        Assert.Equal("itemIds", (await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["s1"], Pools: [new SkillPool("npv", 1)]))).Field);
        Assert.Equal("timeLimitMinutes", (await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["s1"], TimeLimitMinutes: 0))).Field);
        Assert.Equal("maxAttempts", (await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["s1"], MaxAttempts: 101))).Field);
        Assert.Equal("passScore", (await bank.SetAssessment("l2", new AssessmentDefinition(ItemIds: ["s1"], PassScore: 1.5))).Field);
        Assert.Equal(["s1"], (await bank.GetAssessment("l2"))!.ItemIds);
        Assert.Equal(CommandStatus.NotFound, (await Grains.GetGrain<IQuestionBankGrain>(TestData.NewId("nocourse")).Save(Bank.Single("s1"), true)).Status);
    }

    [Fact]
    public async Task Item_analysis_gives_share_correct_point_biserial_and_flags_an_item_out_of_line_with_its_skill()
    {
        // Four npv items keyed right (g1-g4) and one keyed to a wrong choice ("bad"). Learners answer the good ones
        // mostly right, so knowledge tracing expects them to succeed on "bad" too; every one of them fails it.
        var goods = Enumerable.Range(1, 4).Select(k => Bank.Single($"g{k}")).ToArray();
        var bad = Bank.Single("bad") with { CorrectChoiceIds = ["c"] };
        var (firstLearner, courseId) = await Bank.Course(
            Grains, fixture.Clock, new AssessmentDefinition(ItemIds: ["g1", "g2", "g3", "g4", "bad"]), [.. goods, bad]);
        var learners = new List<string> { firstLearner };
        for (var i = 1; i < 16; i++)
        {
            learners.Add(await Bank.Learner(Grains, fixture.Clock, courseId));
        }

        bool Right(int learner, int k) => (learner + k) % 5 != 0 && (k != 1 || learner % 3 != 0);
        var pairs = new List<(int X, double Y)>();
        for (var i = 0; i < learners.Count; i++)
        {
            var attempts = Bank.Attempts(Grains, learners[i], courseId);
            Assert.Equal(1, (await attempts.Start()).Attempt!.Number);
            for (var k = 1; k <= 4; k++)
            {
                await attempts.Answer(1, $"g{k}", new ItemAnswer([Right(i, k) ? "a" : "b"]));
            }

            await attempts.Answer(1, "bad", new ItemAnswer(["a"]));
            await attempts.Submit(1);
            var rest = Enumerable.Range(2, 3).Count(k => Right(i, k)) / 4.0;
            pairs.Add((Right(i, 1) ? 1 : 0, rest));
        }

        var statistics = (await Grains.GetGrain<IItemAnalysisGrain>(courseId).Get()).ToDictionary(s => s.ItemId);
        Assert.Equal(16, statistics["g1"].Attempts);
        Assert.Equal(Math.Round(pairs.Count(p => p.X == 1) / 16.0, 4), statistics["g1"].ShareCorrect);
        Assert.Equal(0, statistics["bad"].ShareCorrect);

        // Point-biserial of g1 with the rest score of its attempt, computed directly.
        var meanX = pairs.Average(p => p.X);
        var meanY = pairs.Average(p => p.Y);
        var covariance = pairs.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var r = covariance / Math.Sqrt(pairs.Sum(p => Math.Pow(p.X - meanX, 2)) * pairs.Sum(p => Math.Pow(p.Y - meanY, 2)));
        Assert.Equal(Math.Round(r, 4), statistics["g1"].Discrimination!.Value, 4);
        Assert.Null(statistics["bad"].Discrimination);

        Assert.True(statistics["bad"].OutOfLine, statistics["bad"].ToString());
        Assert.StartsWith("Harder than its skills predict", statistics["bad"].Reason, StringComparison.Ordinal);
        Assert.Equal(16, statistics["bad"].Predicted);
        Assert.Equal(0, statistics["g1"].Predicted);
        foreach (var good in new[] { "g2", "g3", "g4" })
        {
            Assert.False(statistics[good].OutOfLine, statistics[good].ToString());
        }
    }
}
