using AdaptiveMooc.Grains.Abstractions.Courses;

namespace AdaptiveMooc.Grains.Tests;

public sealed class CourseValidatorTests
{
    private static readonly CourseDefinition Valid = TestData.Course("intro-finance");

    private static CourseDefinition WithLessons(params LessonDefinition[] lessons) =>
        Valid with { Modules = [new ModuleDefinition("m1", "Module", lessons)] };

    [Fact]
    public void A_valid_course_passes() => Assert.Null(CourseValidator.Validate(Valid));

    [Theory]
    [InlineData("Intro")]
    [InlineData("intro_finance")]
    [InlineData("")]
    public void Ids_outside_the_alphabet_are_refused(string id) =>
        Assert.Equal("id", CourseValidator.Validate(Valid with { Id = id })?.Field);

    [Fact]
    public void A_missing_prerequisite_is_named()
    {
        var result = CourseValidator.Validate(WithLessons(new LessonDefinition("a", "A", "video", 5, null, ["ghost"])));

        Assert.Equal("modules[0].lessons[0].prerequisites[0]", result?.Field);
        Assert.Contains("ghost", result!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerequisite_cycle_is_reported_with_its_path()
    {
        var result = CourseValidator.Validate(WithLessons(
            new LessonDefinition("a", "A", "video", 5, null, ["c"]),
            new LessonDefinition("b", "B", "video", 5, null, ["a"]),
            new LessonDefinition("c", "C", "video", 5, null, ["b"])));

        Assert.NotNull(result);
        Assert.Contains("cycle", result.Detail, StringComparison.Ordinal);
        Assert.Matches("(a -> c -> b -> a)|(b -> a -> c -> b)|(c -> b -> a -> c)", result.Detail);
    }

    [Fact]
    public void A_long_chain_without_cycle_passes()
    {
        var lessons = Enumerable.Range(0, CourseDefinition.MaxLessons)
            .Select(i => new LessonDefinition($"l{i}", "L", "reading", 5, null, i == 0 ? [] : [$"l{i - 1}"]))
            .ToArray();

        Assert.Null(CourseValidator.Validate(WithLessons(lessons)));
    }

    [Fact]
    public void More_than_2000_lessons_are_refused()
    {
        var lessons = Enumerable.Range(0, CourseDefinition.MaxLessons + 1)
            .Select(i => new LessonDefinition($"l{i}", "L", "reading", 5))
            .ToArray();

        Assert.Equal("modules", CourseValidator.Validate(WithLessons(lessons))?.Field);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1441)]
    public void Minutes_must_be_sane(int minutes) =>
        Assert.Equal("modules[0].lessons[0].minutes", CourseValidator.Validate(WithLessons(new LessonDefinition("a", "A", "video", minutes)))?.Field);

    [Fact]
    public void Unknown_lesson_kind_is_refused() =>
        Assert.Equal("modules[0].lessons[0].kind", CourseValidator.Validate(WithLessons(new LessonDefinition("a", "A", "podcast", 5)))?.Field);

    [Fact]
    public void Duplicate_lesson_ids_across_modules_are_refused()
    {
        var course = Valid with
        {
            Modules =
            [
                new ModuleDefinition("m1", "One", [new LessonDefinition("a", "A", "video", 5)]),
                new ModuleDefinition("m2", "Two", [new LessonDefinition("a", "A", "video", 5)]),
            ],
        };

        Assert.Equal("modules[1].lessons[0].id", CourseValidator.Validate(course)?.Field);
    }

    [Fact]
    public void A_free_course_gives_only_a_statement() =>
        Assert.Equal("certificate.kind", CourseValidator.Validate(Valid with { Certificate = new CertificateRule("diploma", 0.5) })?.Field);

    [Fact]
    public void A_paid_course_needs_price_and_currency()
    {
        Assert.Equal("pricing.currency", CourseValidator.Validate(Valid with { Pricing = new Pricing("paid", 49m, null) })?.Field);
        Assert.Equal("pricing.price", CourseValidator.Validate(Valid with { Pricing = new Pricing("paid", null, "EUR") })?.Field);
        Assert.Null(CourseValidator.Validate(Valid with { Pricing = new Pricing("paid", 49m, "EUR") }));
    }
}
