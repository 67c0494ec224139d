namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// One row of <see cref="AccessMatrix"/>: what each role gets, plus how to call the route.
/// Route parameters are filled from <see cref="AccessScenario"/> by name, or through
/// <see cref="Parameters"/> (route parameter → scenario value) when the name alone is ambiguous.
/// </summary>
public sealed record AccessRule(IReadOnlyDictionary<Role, Expect> Expected)
{
    /// <summary>The API key scope the route needs; KeyWithScope holds only it, KeyWithoutScope every other one.</summary>
    public string? Scope { get; init; }

    public Func<AccessScenario, object?>? Body { get; init; }

    /// <summary>Query string (without '?'), with {placeholders} from the scenario.</summary>
    public Func<AccessScenario, string>? Query { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public AccessRule With(Role role, Expect expect) =>
        this with { Expected = new Dictionary<Role, Expect>(Expected) { [role] = expect } };

    /// <summary>Anonymous routes (docs/API.md lists them): everyone gets through.</summary>
    public static AccessRule Anyone() => Of(_ => Expect.Allowed);

    /// <summary>Any authenticated caller.</summary>
    public static AccessRule AnyCaller() => Of(r => r == Role.Anonymous ? Expect.Unauthorized : Expect.Allowed);

    public static AccessRule AdminOnly() => Of(r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.Admin => Expect.Allowed,
        _ => Expect.Forbidden,
    });

    /// <summary>A learner's own data: the learner and admins (and keys with <paramref name="scope"/>); other learners 404.</summary>
    public static AccessRule LearnerData(string? scope = null) => Of(r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.Admin => Expect.Allowed,
        Role.OtherLearner => Expect.NotFound,
        Role.KeyWithScope when scope is not null => Expect.Allowed,
        _ => Expect.Forbidden,
    }) with { Scope = scope };

    /// <summary>Changing or analysing a course: its trainers and admins (and keys with <paramref name="scope"/>).</summary>
    public static AccessRule CourseStaff(string? scope = null) => Of(r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.CourseTrainer or Role.Admin => Expect.Allowed,
        Role.KeyWithScope when scope is not null => Expect.Allowed,
        _ => Expect.Forbidden,
    }) with { Scope = scope };

    /// <summary>Using a course's forum and webinars: learners enrolled in it, its trainers, admins; everyone else 403.</summary>
    public static AccessRule CourseMembers() => Of(r => r switch
    {
        Role.Anonymous => Expect.Unauthorized,
        Role.LearnerSelf or Role.CourseTrainer or Role.Admin => Expect.Allowed,
        _ => Expect.Forbidden,
    });

    private static AccessRule Of(Func<Role, Expect> expect) =>
        new(Enum.GetValues<Role>().ToDictionary(r => r, expect));
}
