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

    /// <summary>A cmi5 course package (zip with cmi5.xml, <c>mediaId</c>): its AUs are launched the cmi5 way (docs/XAPI.md, "cmi5").</summary>
    public const string Cmi5 = "cmi5";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Video, Tutorial, Reading, Lecture, Webinar, Quiz, Assignment, Cmi5 };

    /// <summary>Kinds whose results are grades: only graders (API keys, trainers, admins) may post scores for them.</summary>
    public static bool IsGraded(string kind) => kind is Quiz or Assignment;

    /// <summary>
    /// Kinds a learner's own statements never complete: graded kinds, and cmi5 lessons, which the platform
    /// completes as the LMS when their AUs meet moveOn (docs/XAPI.md, "cmi5").
    /// </summary>
    public static bool CompletedByGrader(string kind) => IsGraded(kind) || kind is Cmi5;
}
