// The API's JSON shapes as the web reads them (docs/API.md). Kept apart from the API's own
// contracts on purpose: the web is a client of the public HTTP surface only.
#pragma warning disable CA1002, CA2227, CA1056, CA1819
namespace AdaptiveMooc.Web.Api;

public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

public sealed record Pricing(string Kind, decimal? Price = null, string? Currency = null);

public sealed record CertificateRule(string Kind, double? PassThreshold);

public sealed record Lesson(
    string Id, string Title, string Kind, int Minutes, IReadOnlyList<string>? Skills, IReadOnlyList<string>? Prerequisites,
    bool Required, string? ContentUrl, int? DueDay);

public sealed record Module(string Id, string Title, IReadOnlyList<Lesson>? Lessons);

public sealed record CourseSummary(
    string Id, string Title, string Field, string? Description, string? Language, string PricingKind, bool Published,
    string OwnerTrainerId, IReadOnlyList<string>? CoTrainerIds, int LessonCount);

public sealed record Course(
    string Id, string Title, string Field, string? Description, string? Language, Pricing Pricing, CertificateRule? Certificate,
    DateOnly? StartDate, IReadOnlyList<Module> Modules, bool Published, DateTimeOffset? PublishedAt, string OwnerTrainerId,
    IReadOnlyList<string> CoTrainerIds, int LessonCount)
{
    public IEnumerable<Lesson> AllLessons => Modules.SelectMany(m => m.Lessons ?? []);

    public int TotalMinutes => AllLessons.Sum(l => l.Minutes);
}

public sealed record CourseBody(
    string Id, string Title, string Field, string? Description, string? Language, Pricing Pricing, CertificateRule? Certificate,
    DateOnly? StartDate, IReadOnlyList<Module> Modules);

public sealed record Window(string Day, string Start, string End);

public sealed record Learner(string Id, string Name, string Email, string Timezone, IReadOnlyList<Window> WeeklyAvailability);

public sealed record RegisterLearner(
    string Id, string Name, string Email, string Password, string Timezone, IReadOnlyList<Window> WeeklyAvailability);

public sealed record Enrolment(
    string CourseId, DateTimeOffset EnrolledAt, DateOnly? TargetDate, string Status, double? WeeklyStudyHours);

public sealed record Progress(
    string CourseId, IReadOnlyList<string> CompletedLessons, double PercentComplete, double MinutesSpent,
    IReadOnlyDictionary<string, double> MasteryBySkill, DateTimeOffset? LastActivity, IReadOnlyList<string>? StartedLessons,
    bool CourseCompleted);

public sealed record Recommendation(
    string LessonId, double Score, IReadOnlyList<string> Reasons, string? Title = null, string? Kind = null, int? Minutes = null,
    string? ContentUrl = null);

public sealed record Recommendations(string? ModelVersion, IReadOnlyList<Recommendation> Items);

public sealed record PlanSession(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<string> LessonIds);

public sealed record Plan(
    bool OnTrack, DateTimeOffset? ProjectedCompletion, double WeeklyHoursNeeded, string? Explanation, IReadOnlyList<PlanSession> Sessions);

public sealed record Notification(string Id, string Kind, string CourseId, string Message, DateTimeOffset At, DateTimeOffset? SessionStart);

public sealed record LessonCount(string LessonId, int Started, int Completed);

public sealed record SkillMastery(string Skill, double MeanMastery, int? Learners);

public sealed record AtRiskLearner(
    string LearnerId, double Risk, IReadOnlyList<string> Reasons, double? AtRiskProbability, IReadOnlyList<string>? ReasonCodes);

public sealed record WeeklyActivity(DateOnly WeekStart, int ActiveLearners);

public sealed record ScoreBucket(double From, double To, int Count);

public sealed record Analytics(
    string CourseId, DateTimeOffset AsOf, int Enrolled, int Active7d, int Completed, double CompletionRate, int? Withdrawn,
    IReadOnlyList<LessonCount> Lessons, IReadOnlyList<SkillMastery> Skills, IReadOnlyList<AtRiskLearner> AtRisk,
    IReadOnlyList<WeeklyActivity>? WeeklyActivity, IReadOnlyList<ScoreBucket>? ScoreDistribution, string? AtRiskStatus);

public sealed record ForumThread(
    Guid Id, string CourseId, string Title, string Body, IReadOnlyList<string> Tags, string AuthorId, DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt, Guid OpeningPostId, int ReplyCount, bool Answered, Guid? AcceptedPostId, bool Pinned,
    bool Locked, bool Hidden);

public sealed record ForumPost(
    Guid Id, Guid ThreadId, long Sequence, string AuthorId, string AuthorRole, string Body, Guid? ReplyTo, DateTimeOffset CreatedAt,
    int Score, bool Hidden);

public sealed record ForumThreadDetail(ForumThread Thread, Page<ForumPost> Posts);

public sealed record CertificateVerification(string Status, bool SignatureValid, string? KeyId, string JwksUrl, DateTimeOffset CheckedAt);

public sealed record Certificate(
    Guid Id, string LearnerId, string CourseId, string Kind, DateTimeOffset IssuedAt, bool Revoked, string? RevocationReason,
    DateTimeOffset? RevokedAt, bool Valid, CertificateVerification Verification);

public sealed record CertificateEvaluation(
    bool Eligible, bool NewlyIssued, IReadOnlyList<string> MissingLessons, double MeanScore, double PassThreshold, Certificate? Certificate);

public sealed record ApiKeyCreated(string Id, string Key);

public sealed record ApiKeyInfo(string Id, string Name, IReadOnlyList<string> Scopes, string? CreatedBy, DateTimeOffset CreatedAt, bool Revoked);

public sealed record AuditEntry(long Sequence, DateTimeOffset At, string ActorKind, string ActorId, string Action, string? Target, string? Detail);

public sealed record HealthCheck(string Status, string? Description);

public sealed record Health(string Status, IReadOnlyDictionary<string, HealthCheck> Checks);
