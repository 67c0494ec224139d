namespace AdaptiveMooc.Grains.Recommendations;

/// <summary>A lesson of the course as the ranker sees it.</summary>
/// <param name="Id">Lesson id.</param>
/// <param name="CourseOrder">Position in the course (modules, then lessons).</param>
/// <param name="Minutes">Predicted minutes for this learner (declared minutes when there is no pacing model).</param>
/// <param name="Skills">Skills the lesson practises.</param>
/// <param name="Prerequisites">Lessons to complete first.</param>
/// <param name="Due">When the lesson is due, if it has a due day.</param>
/// <param name="Popularity">Share of the course's learners who started it, in [0, 1].</param>
internal sealed record CandidateLesson(
    string Id,
    int CourseOrder,
    int Minutes,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> Prerequisites,
    DateTimeOffset? Due,
    double Popularity);
