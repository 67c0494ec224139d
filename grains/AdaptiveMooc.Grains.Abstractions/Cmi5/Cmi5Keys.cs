using System.Globalization;

namespace AdaptiveMooc.Grains.Abstractions.Cmi5;

public static class Cmi5Keys
{
    /// <summary>The registration grain's key: learner, course, lesson (platform ids, never holding '/') and the AU's index.</summary>
    public static string Unit(string learnerId, string courseId, string lessonId, int auIndex) =>
        string.Join('/', learnerId, courseId, lessonId, auIndex.ToString(CultureInfo.InvariantCulture));
}
