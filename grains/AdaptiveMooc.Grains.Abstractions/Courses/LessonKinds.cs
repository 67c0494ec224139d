namespace AdaptiveMooc.Grains.Abstractions.Courses;

public static class LessonKinds
{
    public const string Video = "video";
    public const string Tutorial = "tutorial";
    public const string Reading = "reading";
    public const string Lecture = "lecture";
    public const string Webinar = "webinar";
    public const string Quiz = "quiz";
    public const string Assignment = "assignment";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Video, Tutorial, Reading, Lecture, Webinar, Quiz, Assignment };

    /// <summary>Kinds whose results are grades: only graders (API keys, trainers, admins) may post scores for them.</summary>
    public static bool IsGraded(string kind) => kind is Quiz or Assignment;
}
