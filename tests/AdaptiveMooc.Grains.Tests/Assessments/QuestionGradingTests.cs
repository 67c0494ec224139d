using System.Diagnostics;
using AdaptiveMooc.Grains.Abstractions.Assessments;

namespace AdaptiveMooc.Grains.Tests.Assessments;

/// <summary>Grading and validation of each item kind (pure functions shared by the API and the grains).</summary>
public sealed class QuestionGradingTests
{
    private static readonly HashSet<string> Skills = ["npv", "irr"];

    [Theory]
    [InlineData(new[] { "a" }, true)]
    [InlineData(new[] { "b" }, false)]
    public void Single_choice_is_correct_only_for_the_keyed_choice(string[] picked, bool correct) =>
        Assert.Equal(correct, QuestionGrader.IsCorrect(Bank.Single("s1"), new ItemAnswer(picked)));

    [Theory]
    [InlineData(new[] { "a", "b" }, true)]
    [InlineData(new[] { "b", "a" }, true)]
    [InlineData(new[] { "a" }, false)]
    [InlineData(new[] { "a", "b", "c" }, false)]
    public void Multiple_response_needs_every_correct_choice_and_no_other(string[] picked, bool correct) =>
        Assert.Equal(correct, QuestionGrader.IsCorrect(Bank.Multiple("m1"), new ItemAnswer(picked)));

    [Theory]
    [InlineData(100, true)]
    [InlineData(100.5, true)]
    [InlineData(99.5, true)]
    [InlineData(100.51, false)]
    [InlineData(98, false)]
    public void Numeric_accepts_within_the_tolerance(double given, bool correct) =>
        Assert.Equal(correct, QuestionGrader.IsCorrect(Bank.Numeric("n1"), new ItemAnswer(Number: given)));

    [Fact]
    public void Numeric_without_tolerance_forgives_only_floating_point_noise()
    {
        var item = Bank.Numeric("n1") with { Answer = 0.3, Tolerance = null };
        Assert.True(QuestionGrader.IsCorrect(item, new ItemAnswer(Number: 0.1 + 0.2)));
        Assert.False(QuestionGrader.IsCorrect(item, new ItemAnswer(Number: 0.3001)));
    }

    [Theory]
    [InlineData("internal rate of return", true)]
    [InlineData("  Internal   RATE of return ", true)]
    [InlineData("IRR", true)]
    [InlineData("i.r.r.", true)]
    [InlineData("irr is the answer", false)]
    [InlineData("npv", false)]
    public void Short_answer_matches_accepted_texts_or_the_whole_pattern(string text, bool correct) =>
        Assert.Equal(correct, QuestionGrader.IsCorrect(Bank.Short("t1"), new ItemAnswer(Text: text)));

    [Fact]
    public void Case_sensitive_short_answer_refuses_other_case()
    {
        var item = Bank.Short("t1") with { CaseSensitive = true };
        Assert.True(QuestionGrader.IsCorrect(item, new ItemAnswer(Text: "irr")));
        Assert.False(QuestionGrader.IsCorrect(item, new ItemAnswer(Text: "IRR")));
    }

    [Fact]
    public void A_catastrophic_backtracking_pattern_runs_in_linear_time()
    {
        var item = Bank.Short("t1") with { AcceptedAnswers = null, Pattern = "(a+)+b" };
        Assert.Null(QuestionValidator.Validate(item, Skills));
        var watch = Stopwatch.StartNew();
        Assert.False(QuestionGrader.IsCorrect(item, new ItemAnswer(Text: new string('a', 500))));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("(a)\\1", "pattern")]
    [InlineData("(?=a)a", "pattern")]
    [InlineData("(", "pattern")]
    public void Patterns_the_linear_engine_cannot_run_are_refused(string pattern, string field) =>
        Assert.Equal(field, QuestionValidator.Validate(Bank.Short("t1") with { Pattern = pattern }, Skills)?.Field);

    public static TheoryData<QuestionItem, string> Invalid => new()
    {
        { Bank.Single("Bad Id"), "id" },
        { Bank.Single("s1") with { Kind = "essay" }, "kind" },
        { Bank.Single("s1") with { Prompt = " " }, "prompt" },
        { Bank.Single("s1") with { Skills = [] }, "skills" },
        { Bank.Single("s1") with { Skills = ["astrology"] }, "skills[0]" },
        { Bank.Single("s1") with { Choices = [new QuestionChoice("a", "only")] }, "choices" },
        { Bank.Single("s1") with { Choices = [new QuestionChoice("a", "x"), new QuestionChoice("B!", "y")] }, "choices[1].id" },
        { Bank.Single("s1") with { Choices = [new QuestionChoice("a", "x"), new QuestionChoice("a", "y")] }, "choices" },
        { Bank.Single("s1") with { CorrectChoiceIds = ["a", "b"] }, "correctChoiceIds" },
        { Bank.Multiple("m1") with { CorrectChoiceIds = ["z"] }, "correctChoiceIds" },
        { Bank.Numeric("n1") with { Answer = null }, "answer" },
        { Bank.Numeric("n1") with { Answer = double.NaN }, "answer" },
        { Bank.Numeric("n1") with { Tolerance = -1 }, "tolerance" },
        { Bank.Short("t1") with { AcceptedAnswers = null, Pattern = null }, "acceptedAnswers" },
        { Bank.Short("t1") with { Pattern = new string('a', 201) }, "pattern" },
        { Bank.Short("t1") with { Explanation = new string('x', 2001) }, "explanation" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Invalid_items_name_the_field(QuestionItem item, string field) =>
        Assert.Equal(field, QuestionValidator.Validate(item, Skills)?.Field);

    [Fact]
    public void Answers_of_the_wrong_shape_name_their_field()
    {
        Assert.Equal("choiceIds", QuestionValidator.ValidateAnswer(Bank.Single("s1"), new ItemAnswer(["a", "b"]))?.Field);
        Assert.Equal("choiceIds[0]", QuestionValidator.ValidateAnswer(Bank.Multiple("m1"), new ItemAnswer(["z"]))?.Field);
        Assert.Equal("number", QuestionValidator.ValidateAnswer(Bank.Numeric("n1"), new ItemAnswer(Text: "100"))?.Field);
        Assert.Equal("text", QuestionValidator.ValidateAnswer(Bank.Short("t1"), new ItemAnswer(Text: new string('x', 501)))?.Field);
        Assert.Null(QuestionValidator.ValidateAnswer(Bank.Short("t1"), new ItemAnswer(Text: "irr")));
    }

    [Fact]
    public void Delivered_items_carry_no_key_feedback_or_explanation()
    {
        var delivered = System.Text.Json.JsonSerializer.Serialize(Bank.Single("s1").ToDelivered());
        Assert.DoesNotContain("Correct", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("Explanation", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("Feedback", delivered, StringComparison.Ordinal);
        Assert.DoesNotContain("divides", delivered, StringComparison.Ordinal);
    }
}
