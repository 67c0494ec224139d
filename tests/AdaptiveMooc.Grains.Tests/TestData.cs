using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Tests;

internal static class TestData
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];

    /// <summary>Creates and publishes <see cref="Course"/> under <paramref name="courseId"/>.</summary>
    public static async Task PublishedCourse(IGrainFactory grains, string courseId)
    {
        var course = grains.GetGrain<ICourseGrain>(courseId);
        await course.Create(Course(courseId), "trainer-1");
        await course.Publish();
    }

    /// <summary>A new learner enrolled at <paramref name="enrolledAt"/> in a new published <see cref="Course"/>.</summary>
    public static async Task<(string LearnerId, string CourseId)> Enrolled(IGrainFactory grains, DateTimeOffset enrolledAt)
    {
        var courseId = NewId("course");
        await PublishedCourse(grains, courseId);
        var learnerId = NewId("learner");
        var learner = grains.GetGrain<ILearnerGrain>(learnerId);
        await learner.Register(Learner(learnerId));
        await learner.Enroll(new EnrolmentRequest(courseId, null, null, enrolledAt));
        return (learnerId, courseId);
    }

    /// <summary>Lessons l1 (video), l2 (quiz with items q1, q2; needs l1), l3 (reading, optional).</summary>
    public static CourseDefinition Course(string id, Pricing? pricing = null) => new(
        id, "Intro to finance", "finance", "Money over time", "en", pricing ?? new Pricing(Pricing.Free),
        new CertificateRule(CertificateRule.Statement, 0.6), null,
        [
            new ModuleDefinition("m1", "Basics",
            [
                new LessonDefinition("l1", "Time value", LessonKinds.Video, 25, ["npv"], [], true, "https://example.org/l1"),
                new LessonDefinition("l2", "Quiz", LessonKinds.Quiz, 10, ["npv"], ["l1"], true, null, 7,
                    [new LessonItem("q1", ["npv"]), new LessonItem("q2", ["irr"])]),
                new LessonDefinition("l3", "Further reading", LessonKinds.Reading, 15, ["history"], [], false),
            ]),
        ]);

    public static LearnerRegistration Learner(string id, string? email = null) => new(
        id, "Ada", email ?? $"{id}@example.org", "hash", "Europe/Paris",
        [new AvailabilityWindow(DayOfWeek.Monday, new TimeOnly(19, 0), new TimeOnly(21, 0))]);

    public static StatementRecord Statement(
        string learnerId, string courseId, string lessonId, string verb, DateTimeOffset timestamp,
        string? itemId = null, bool? success = null, bool? completion = null, double? score = null, TimeSpan? duration = null,
        Guid? id = null, string? hash = null, bool fromGrader = true)
    {
        var statementId = id ?? Guid.NewGuid();
        var activity = $"http://127.0.0.1:5080/courses/{courseId}/lessons/{lessonId}" + (itemId is null ? string.Empty : $"/items/{itemId}");
        return new StatementRecord(
            statementId, learnerId, XapiVerbs.Prefix + verb, activity, timestamp, "{}", hash ?? statementId.ToString("N"),
            courseId, lessonId, itemId, success, completion, score, duration, fromGrader);
    }
}
