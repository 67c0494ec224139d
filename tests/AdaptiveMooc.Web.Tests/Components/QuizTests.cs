using System.Net;
using AdaptiveMooc.Web;
using AdaptiveMooc.Web.Api;
using AdaptiveMooc.Web.Components.Assessments;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace AdaptiveMooc.Web.Tests.Components;

/// <summary>The quiz page's own logic (answer bodies, time left, results) and the quiz and bank editor components.</summary>
public sealed class QuizTests
{
    private static readonly DeliveredItem SingleItem = new("s1", Quiz.SingleChoice, "Which discount factor?", ["npv"], [new Choice("a", "1/(1+r)^t"), new Choice("b", "(1+r)^t")]);
    private static readonly DeliveredItem MultipleItem = new("m1", Quiz.MultipleResponse, "Which raise NPV?", ["npv"], [new Choice("a", "Lower rate"), new Choice("b", "Earlier cash"), new Choice("c", "Higher rate")]);
    private static readonly DeliveredItem NumericItem = new("n1", Quiz.Numeric, "NPV?", ["npv"], []);
    private static readonly DeliveredItem ShortItem = new("t1", Quiz.ShortAnswer, "Rate where NPV is zero?", ["irr"], []);

    private static BunitContext MudContext()
    {
        var context = new BunitContext();
        context.Services.AddMudServices();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        return context;
    }

    [Fact]
    public void Answer_bodies_follow_the_item_kind_and_incomplete_input_is_explained()
    {
        var input = new QuizInput();
        Assert.Equal("Pick one answer.", Quiz.Build(SingleItem, input).Missing);
        input.Single = "b";
        Assert.Equal(["b"], Quiz.Build(SingleItem, input).Body!.ChoiceIds);

        var multiple = new QuizInput();
        Assert.Equal("Pick at least one answer.", Quiz.Build(MultipleItem, multiple).Missing);
        multiple.Choices.Add("c");
        multiple.Choices.Add("a");
        Assert.Equal(["a", "c"], Quiz.Build(MultipleItem, multiple).Body!.ChoiceIds);

        Assert.Equal(12.5, Quiz.Build(NumericItem, new QuizInput { Number = " 12,5 " }).Body!.Number);
        Assert.Equal("Enter a number (for example 12.5).", Quiz.Build(NumericItem, new QuizInput { Number = "twelve" }).Missing);
        Assert.Equal("irr", Quiz.Build(ShortItem, new QuizInput { Text = "  irr " }).Body!.Text);
        Assert.Equal("Type your answer.", Quiz.Build(ShortItem, new QuizInput { Text = " " }).Missing);
    }

    [Fact]
    public void Time_left_counts_down_to_the_deadline_and_says_when_time_is_up()
    {
        var start = new DateTimeOffset(2026, 3, 2, 19, 0, 0, TimeSpan.Zero);
        var attempt = new Attempt(1, "in-progress", start, start.AddMinutes(30), null, [SingleItem], [], null, null);

        Assert.Equal("29:55 left", Quiz.TimeLeft(attempt, start.AddSeconds(5)));
        Assert.Equal("0:01 left", Quiz.TimeLeft(attempt, start.AddMinutes(30).AddSeconds(-1)));
        Assert.StartsWith("Time is up", Quiz.TimeLeft(attempt, start.AddMinutes(31)), StringComparison.Ordinal);
        Assert.Equal("1:30:00 left", Quiz.TimeLeft(attempt with { Deadline = start.AddMinutes(90) }, start));
        Assert.Null(Quiz.TimeLeft(attempt with { Deadline = null }, start));
        Assert.Null(Quiz.TimeLeft(attempt with { SubmittedAt = start.AddMinutes(3) }, start));
    }

    [Fact]
    public void One_at_a_time_moves_to_the_next_unanswered_item_and_the_result_is_in_words()
    {
        var start = DateTimeOffset.UnixEpoch;
        var answered = new AnswerFeedback("s1", true, null, null, "1/(1+r)^t", start);
        var attempt = new Attempt(1, "in-progress", start, null, null, [SingleItem, MultipleItem, NumericItem], [answered], null, null);
        Assert.Equal(1, Quiz.NextUnanswered(attempt, 0));
        Assert.Equal(2, Quiz.NextUnanswered(attempt, 2));

        var done = attempt with { Answers = [answered, answered with { ItemId = "m1", Correct = false }], Score = 1 / 3.0, Passed = false, Status = "submitted" };
        Assert.Equal("You scored 33% (1 of 3 correct) and did not pass.", Quiz.Result(done));
        Assert.Equal("Attempt 1 of 2.", Quiz.Attempts(new Attempts(1, 2, 0.33, done, [])));
    }

    [Fact]
    public async Task A_quiz_item_sends_only_complete_answers_and_shows_no_key_before_feedback()
    {
        await using var context = MudContext();
        var input = new QuizInput();
        var sent = new List<AnswerBody>();
        var cut = context.Render<QuizItem>(p => p
            .Add(x => x.Item, SingleItem).Add(x => x.Input, input).Add(x => x.Number, 2)
            .Add(x => x.OnAnswer, (AnswerBody body) => sent.Add(body)));

        Assert.Equal(2, cut.FindAll("input[type=radio]").Count);
        Assert.Equal("1/(1+r)^t", cut.Find("label[for=s1-a]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=feedback]"));

        cut.Find("[data-testid=check-answer]").Click();
        Assert.Empty(sent);
        Assert.Equal("Pick one answer.", cut.Find(".field-error").TextContent);

        cut.Find("#s1-b").Change("b");
        cut.Find("[data-testid=check-answer]").Click();
        Assert.Equal(["b"], Assert.Single(sent).ChoiceIds);
    }

    [Fact]
    public async Task After_answering_the_item_shows_the_verdict_feedback_key_and_explanation_and_locks_its_inputs()
    {
        await using var context = MudContext();
        var feedback = new AnswerFeedback("s1", false, "Discounting divides.", "A payment in t years is worth 1/(1+r)^t today.", "1/(1+r)^t", DateTimeOffset.UnixEpoch);
        var cut = context.Render<QuizItem>(p => p.Add(x => x.Item, SingleItem).Add(x => x.Input, new QuizInput()).Add(x => x.Feedback, feedback));

        var shown = cut.Find("[data-testid=feedback]").TextContent;
        Assert.Contains("Not quite.", shown, StringComparison.Ordinal);
        Assert.Contains("Discounting divides.", shown, StringComparison.Ordinal);
        Assert.Contains("Correct answer: 1/(1+r)^t", shown, StringComparison.Ordinal);
        Assert.Equal("Why: A payment in t years is worth 1/(1+r)^t today.", cut.Find("[data-testid=explanation]").TextContent);
        Assert.True(cut.Find("fieldset").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll("[data-testid=check-answer]"));
    }

    [Fact]
    public void A_bank_item_draft_round_trips_and_numbers_that_do_not_parse_reach_the_api_as_errors()
    {
        var item = new BankItem(
            "m1", Quiz.MultipleResponse, "Which raise NPV?", ["npv", "irr"],
            [new Choice("a", "Lower rate"), new Choice("b", "Earlier cash"), new Choice("c", "Higher rate")], ["a", "b"], Explanation: "Both.");
        var draft = QuestionDraft.From(item);
        Assert.Equal("npv, irr", draft.Skills);
        Assert.Equal([true, true, false], draft.Choices.Select(c => c.Correct));
        var back = draft.ToItem();
        Assert.Equal(["a", "b"], back.CorrectChoiceIds);
        Assert.Equal(["Lower rate", "Earlier cash", "Higher rate"], back.Choices!.Select(c => c.Text));
        Assert.Equal(["npv", "irr"], back.Skills);
        Assert.Null(back.Answer);

        var numeric = new QuestionDraft { Id = "n1", Kind = Quiz.Numeric, Prompt = "NPV?", Skills = "npv", Answer = "100", Tolerance = "half" }.ToItem();
        Assert.Equal(100, numeric.Answer);
        Assert.Equal(-1, numeric.Tolerance);
        Assert.Null(numeric.Choices);

        var text = new QuestionDraft { Id = "t1", Kind = Quiz.ShortAnswer, AcceptedAnswers = "irr\n internal rate of return \n", Pattern = " " }.ToItem();
        Assert.Equal(["irr", "internal rate of return"], text.AcceptedAnswers);
        Assert.Null(text.Pattern);
    }

    [Fact]
    public void Assessment_settings_parse_fixed_lists_pools_and_limits()
    {
        var body = new AssessmentForm { ItemIds = "s1, n1", TimeLimit = "20", MaxAttempts = "two", PassScore = "0,7" }.ToBody();
        Assert.Equal(["s1", "n1"], body.ItemIds);
        Assert.Null(body.Pools);
        Assert.Equal(20, body.TimeLimitMinutes);
        Assert.Equal(0, body.MaxAttempts);
        Assert.Equal(0.7, body.PassScore);

        var pools = new AssessmentForm { Pools = "npv:3, irr : 2" }.ToBody();
        Assert.Null(pools.ItemIds);
        Assert.Equal([new SkillPool("npv", 3), new SkillPool("irr", 2)], pools.Pools);
        var settings = new AssessmentSettings("c", "l2", null, [new SkillPool("npv", 3)], 3, null, 2, 0.6);
        Assert.Equal("npv:3", AssessmentForm.From(settings).Pools);
    }

    [Fact]
    public async Task The_bank_editor_shows_the_fields_of_the_kind_and_the_api_error_beside_its_field()
    {
        await using var context = MudContext();
        var problem = new ApiException(HttpStatusCode.BadRequest, new ApiProblem("Invalid", "correctChoiceIds must list distinct ids of the item's choices.", 400, "correctChoiceIds"));
        var draft = new QuestionDraft { Id = "s1", Prompt = "Which?", Skills = "npv" };
        var cut = context.Render<QuestionForm>(p => p.Add(x => x.Draft, draft).Add(x => x.Problem, problem));

        Assert.Equal(2, cut.FindAll("[data-testid=choice-row]").Count);
        Assert.Contains("correctChoiceIds must list", Assert.Single(cut.FindAll(".field-error")).TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#q-answer"));

        draft.Kind = Quiz.Numeric;
        cut.Render();
        Assert.NotNull(cut.Find("#q-answer"));
        Assert.NotNull(cut.Find("#q-tolerance"));
        Assert.Empty(cut.FindAll("[data-testid=choice-row]"));
    }

    [Fact]
    public void Item_analysis_lists_out_of_line_items_first_and_words_discrimination()
    {
        var rows = new[]
        {
            new ItemAnalysisRow("a", "A?", Quiz.SingleChoice, ["npv"], 40, 0.8, 0.45, 30, 0.75, 0.8, 0.6, false, null),
            new ItemAnalysisRow("b", "B?", Quiz.SingleChoice, ["npv"], 40, 0.1, -0.2, 30, 0.74, 0.1, -7.9, true, "Harder than its skills predict"),
            new ItemAnalysisRow("c", "C?", Quiz.Numeric, ["npv"], 40, 0.5, 0.1, 4, 0.5, 0.5, 0.1, false, null),
        };
        Assert.Equal(["b", "c", "a"], ItemAnalysisView.Order(rows).Select(r => r.ItemId));
        Assert.Equal("-0.20 (stronger learners miss it more: check the key)", ItemAnalysisView.Discrimination(rows[1]));
        Assert.Equal("0.10 (weak)", ItemAnalysisView.Discrimination(rows[2]));
        Assert.Equal("Too few answers with a model prediction yet (4 of 10).", ItemAnalysisView.Verdict(rows[2], 10));
        Assert.Equal("In line with its skills.", ItemAnalysisView.Verdict(rows[0], 10));
    }
}
