using AdaptiveMooc.Grains.Abstractions.Recommendations;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Common;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Abstractions.Accounts;
using Orleans.Concurrency;

namespace AdaptiveMooc.Grains.Abstractions.Learners;

/// <summary>
/// One learner, keyed by learner id: profile, availability, enrolments and compact per-course progress.
/// Its state never holds statements: they live in the append-only statement store, and the grain keeps
/// the sequence of the last one it applied so it can catch up after a crash.
/// </summary>
[Alias("mooc.ILearnerGrain")]
public interface ILearnerGrain : IGrainWithStringKey, IAccountGrain
{
    /// <summary>
    /// Deletes the account: profile, e-mail, password and free texts are erased, the e-mail released, every
    /// login revoked, mails and exports dropped, forum posts given a neutral author; the statements stay under
    /// the id (now a pseudonym, never reused) so course figures do not move. Idempotent: a call after a crash
    /// finishes what the first one began. NotFound when the learner never existed.
    /// </summary>
    [Alias("Erase")]
    Task<CommandResult> Erase();

    /// <summary>True once <see cref="Erase"/> ran (the id is then held forever).</summary>
    [ReadOnly]
    [Alias("IsErased")]
    Task<bool> IsErased();

    /// <summary>Created, or Conflict (field <c>id</c> or <c>email</c>). Claims the e-mail in <see cref="IEmailIndexGrain"/>.</summary>
    [Alias("Register")]
    Task<CommandResult> Register(LearnerRegistration registration);

    [ReadOnly]
    [Alias("GetProfile")]
    Task<LearnerProfile?> GetProfile();

    /// <summary>For the token endpoint; null when the learner does not exist.</summary>
    [ReadOnly]
    [Alias("GetPasswordHash")]
    Task<string?> GetPasswordHash();

    /// <summary>Replaces the hash of a registered learner (a transparent rehash at sign-in when the hashing parameters were raised).</summary>
    [Alias("SetPasswordHash")]
    Task SetPasswordHash(string passwordHash);

    [Alias("UpdateAvailability")]
    Task<CommandResult> UpdateAvailability(string? timeZone, IReadOnlyList<AvailabilityWindow> weeklyAvailability);

    /// <summary>Created; NotFound (no course); Conflict (unpublished, already enrolled); Forbidden (a paid course without access).</summary>
    [Alias("Enroll")]
    Task<CommandResult> Enroll(EnrolmentRequest request);

    [ReadOnly]
    [Alias("GetEnrolments")]
    Task<IReadOnlyList<Enrolment>> GetEnrolments();

    [Alias("Withdraw")]
    Task<CommandResult> Withdraw(string courseId, DateTimeOffset at, string? reason);

    /// <summary>Sets or clears an active enrolment's target date; NotFound without one.</summary>
    [Alias("SetTargetDate")]
    Task<CommandResult> SetTargetDate(string courseId, DateOnly? targetDate);

    /// <summary>Null when the learner has no enrolment in and no statement about the course.</summary>
    [Alias("GetProgress")]
    Task<CourseProgress?> GetProgress(string courseId);

    /// <summary>
    /// The best scaled score per quiz or assignment of the course, as the certificate rule reads it: kept by
    /// progress from graders' statements only, so evaluating needs no scan of the statement log.
    /// </summary>
    [ReadOnly]
    [Alias("GetBestScores")]
    Task<IReadOnlyDictionary<string, double>> GetBestScores(string courseId);

    /// <summary>How many statements this learner holds (the storage quota counts them); null when not registered.</summary>
    [ReadOnly]
    [Alias("GetStoredStatementCount")]
    Task<long?> GetStoredStatementCount();

    /// <summary>The online learner model of a course; null when the learner has no enrolment in and no statement about it.</summary>
    [ReadOnly]
    [Alias("GetModelView")]
    Task<LearnerModelView?> GetModelView(string courseId);

    /// <summary>Knowledge tracing for practice (docs/PRACTICE.md): mastery of <paramref name="skill"/> and P(correct) of each item, in order.</summary>
    [ReadOnly]
    [Alias("PredictPractice")]
    Task<Practice.PracticePrediction> PredictPractice(string courseId, string skill, IReadOnlyList<Practice.PracticeItemRef> items);

    /// <summary>
    /// Profile, progress, enrolment and model view of one course in one call, progress computed against
    /// <paramref name="course"/> (the caller has it already). Null when the learner is not registered or has
    /// no enrolment in and no statement about the course.
    /// </summary>
    [ReadOnly]
    [Alias("GetCourseView")]
    Task<LearnerCourseView?> GetCourseView(string courseId, CourseDefinition course);

    /// <summary>
    /// The learner's next lessons in a course (ranked by <see cref="IRecommendationGrain"/>), kept until a
    /// statement, a profile or enrolment change, a new model version, or <c>RecommendationLifetime</c>
    /// (the answer depends on the clock: next free window, recall decay, due days). Null when the course does
    /// not exist or the learner has no enrolment in and no statement about it.
    /// </summary>
    [Alias("GetRecommendations")]
    Task<LessonRecommendations?> GetRecommendations(string courseId, int limit);

    /// <summary>
    /// Called by <see cref="IStatementIngestGrain"/> after the statements are durable. <paramref name="previousSequence"/>
    /// is the sequence of this learner's latest statement before the batch (0 for none): when the grain has
    /// applied less than that it reads the gap from the store first. Statements already applied are skipped,
    /// so a replay changes nothing.
    /// </summary>
    [Alias("ApplyStatements")]
    Task ApplyStatements(long previousSequence, IReadOnlyList<StoredStatement> statements);
}
