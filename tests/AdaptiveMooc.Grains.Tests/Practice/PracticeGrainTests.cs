using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Practice;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Tests.Assessments;
using AdaptiveMooc.ML.Practice;

namespace AdaptiveMooc.Grains.Tests.Practice;

/// <summary>Practice over the question bank, with the cold-start knowledge-tracing model the test silo serves (BKT defaults).</summary>
[Collection(AssessmentClusterCollection.Name)]
public sealed class PracticeGrainTests(AssessmentClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Correct_answers_move_mastery_up_to_the_threshold_and_practice_stops_there()
    {
        var (learnerId, courseId) = await Course(Bank.Single("p1"), Bank.Single("p2"), Bank.Single("p3"), Bank.Numeric("p4"), Bank.Short("x1", "irr"));
        var practice = Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "npv"));
        var masteries = new List<double>();
        PracticeView view;
        var guard = 0;
        while (true)
        {
            var next = await practice.Next();
            Assert.True(next.Result.Succeeded, next.Result.Detail);
            view = next.View!;
            masteries.Add(view.Mastery);
            if (view.Status != PracticeStatus.Practising)
            {
                break;
            }

            var item = view.Item!;
            Assert.Contains("npv", item.Skills);
            Assert.False(string.IsNullOrWhiteSpace(view.Reason));
            var answer = item.Kind == QuestionKinds.Numeric ? new ItemAnswer(Number: 100) : new ItemAnswer(["a"]);
            var answered = await practice.Answer(item.Id, answer);
            Assert.True(answered.Result.Succeeded, answered.Result.Detail);
            Assert.True(answered.View!.LastFeedback!.Correct);
            Assert.True(answered.View.Mastery > answered.View.MasteryBefore, $"{answered.View.Mastery} after {answered.View.MasteryBefore}");
            Assert.True(++guard < 20, "practice did not reach mastery in 20 correct answers");
        }

        Assert.Equal(PracticeStatus.Mastered, view.Status);
        Assert.True(view.Mastery >= PracticeDefaults.MasteryThreshold);
        Assert.Equal(masteries.Order(), masteries);
        Assert.Equal(guard, view.Answered);
        Assert.Equal(guard, view.Correct);

        // Mastery moved through the learner's own model, as for quiz answers.
        var model = (await Grains.GetGrain<ILearnerGrain>(learnerId).GetModelView(courseId))!;
        Assert.Equal(view.Mastery, model.Mastery["npv"], 4);
        Assert.Equal(guard, model.Practices["npv"]);

        // Each answer is one answered statement from the platform as grader, about an item of the skill.
        var statements = (await Grains.GetGrain<IStatementQueryGrain>(0).Query(new StatementQuery(learnerId, null, null, null, null, 50, null, true))).Statements;
        Assert.Equal(guard, statements.Count);
        Assert.All(statements, s =>
        {
            Assert.Equal(XapiVerbs.Answered, s.Statement.Verb);
            Assert.True(s.Statement.FromGrader);
            Assert.Equal(true, s.Statement.Success);
            Assert.StartsWith("p", s.Statement.ItemId, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_wrong_answer_lowers_mastery_and_every_pick_is_placed_against_the_band_as_its_chance_says()
    {
        var (learnerId, courseId) = await Course(Bank.Single("p1"), Bank.Single("p2"), Bank.Single("p3"));
        var practice = Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "npv"));
        var band = PracticeBand.Default;
        var seen = new List<string>();
        for (var step = 0; step < 6; step++)
        {
            var view = (await practice.Next()).View!;
            if (view.Status != PracticeStatus.Practising)
            {
                break;
            }

            var p = view.PCorrect!.Value;
            var expected = band.Contains(p) ? "in-band" : p < band.Low ? "below-band" : "above-band";
            Assert.Equal(expected, view.Placement);
            if (expected == "in-band")
            {
                Assert.Contains("inside the desirable-difficulty band of 60 %–85 %", view.Reason, StringComparison.Ordinal);
            }

            // Asking again before answering gives the same item and the same reason.
            var again = (await practice.Next()).View!;
            Assert.Equal(view.Item!.Id, again.Item!.Id);
            Assert.Equal(view.Reason, again.Reason);
            seen.Add(view.Item.Id);

            // Alternate right and wrong so mastery stays below the threshold and moves both ways.
            var correct = step % 2 == 0;
            var answered = (await practice.Answer(view.Item.Id, new ItemAnswer([correct ? "a" : "b"]))).View!;
            Assert.Equal(correct, answered.LastFeedback!.Correct);
            Assert.Equal("1/(1+r)^t", answered.LastFeedback.CorrectAnswer);
            if (correct)
            {
                Assert.True(answered.Mastery > answered.MasteryBefore);
            }
            else
            {
                Assert.True(answered.Mastery < answered.MasteryBefore);
            }
        }

        // Fresh items first: the three items each come once before any comes back.
        Assert.Equal(3, seen.Take(3).Distinct().Count());
    }

    [Fact]
    public async Task Only_the_item_waiting_can_be_answered_and_bad_answers_name_their_field()
    {
        var (learnerId, courseId) = await Course(Bank.Single("p1"), Bank.Numeric("p2"));
        var practice = Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "npv"));
        var early = await practice.Answer("p1", new ItemAnswer(["a"]));
        Assert.Equal(CommandStatus.Conflict, early.Result.Status);

        var item = (await practice.Next()).View!.Item!;
        var other = item.Id == "p1" ? "p2" : "p1";
        Assert.Equal(CommandStatus.Conflict, (await practice.Answer(other, new ItemAnswer(["a"]))).Result.Status);
        var wrongShape = await practice.Answer(item.Id, item.Kind == QuestionKinds.Numeric ? new ItemAnswer(Text: "100") : new ItemAnswer(Number: 1));
        Assert.Equal(CommandStatus.Invalid, wrongShape.Result.Status);
        Assert.Equal(item.Kind == QuestionKinds.Numeric ? "number" : "choiceIds", wrongShape.Result.Field);
        Assert.Equal(0, (await practice.Get()).Answered);

        var statements = (await Grains.GetGrain<IStatementQueryGrain>(0).Query(new StatementQuery(learnerId, null, null, null, null, 50, null, true))).Statements;
        Assert.Empty(statements);
    }

    [Fact]
    public async Task A_skill_outside_the_course_is_not_found_and_a_skill_without_items_says_so()
    {
        var (learnerId, courseId) = await Course(Bank.Single("p1"));
        var unknown = await Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "astrology")).Next();
        Assert.Equal(CommandStatus.NotFound, unknown.Result.Status);

        var empty = await Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "history")).Next();
        Assert.True(empty.Result.Succeeded);
        Assert.Equal(PracticeStatus.NoItems, empty.View!.Status);
        Assert.Null(empty.View.Item);
    }

    [Fact]
    public async Task Practice_stops_at_the_courses_own_mastery_threshold_not_the_platform_default()
    {
        // Under the cold-start BKT (guess 0.2, slip 0.1) mastery as P(correct) tends to 0.9; two wrong answers first make
        // it pass through [0.85, 0.88) after the minimum evidence: the default would stop there, the course's 0.88 not.
        var (learnerId, courseId) = await Course(0.88, Bank.Single("p1"), Bank.Single("p2"), Bank.Single("p3"), Bank.Single("p4"));
        var practice = Grains.GetGrain<IPracticeGrain>(PracticeKeys.Of(learnerId, courseId, "npv"));
        var practisedAboveDefault = false;
        PracticeView view;
        for (var guard = 0; ; guard++)
        {
            Assert.True(guard < 40, "practice did not reach the course's threshold of 0.88 in 40 answers");
            view = (await practice.Next()).View!;
            Assert.Equal(0.88, view.Threshold);
            if (view.Status != PracticeStatus.Practising)
            {
                break;
            }

            practisedAboveDefault |= PracticeDefaults.IsMastered(view.Mastery, view.Answered);
            var answer = new ItemAnswer([guard < 2 ? "b" : "a"]);
            Assert.True((await practice.Answer(view.Item!.Id, answer)).Result.Succeeded);
        }

        Assert.Equal(PracticeStatus.Mastered, view.Status);
        Assert.True(view.Mastery >= 0.88, $"stopped at {view.Mastery}");
        Assert.True(practisedAboveDefault, "practice never went on past the default 0.85: the course's threshold was not what stopped it");
    }

    private Task<(string LearnerId, string CourseId)> Course(params QuestionItem[] items) => Course(null, items);

    private async Task<(string LearnerId, string CourseId)> Course(double? masteryThreshold, params QuestionItem[] items)
    {
        var courseId = TestData.NewId("course");
        var course = Grains.GetGrain<AdaptiveMooc.Grains.Abstractions.Courses.ICourseGrain>(courseId);
        Assert.True((await course.Create(TestData.Course(courseId) with { MasteryThreshold = masteryThreshold }, "trainer-1")).Succeeded);
        Assert.True((await course.Publish()).Succeeded);
        var bank = Grains.GetGrain<IQuestionBankGrain>(courseId);
        foreach (var item in items)
        {
            var saved = await bank.Save(item, mustBeNew: true);
            Assert.True(saved.Succeeded, saved.Detail);
        }

        return (await Bank.Learner(Grains, fixture.Clock, courseId), courseId);
    }
}
