namespace AdaptiveMooc.Grains.Forums;

/// <summary>
/// A statement a social grain emits about a learner. <see cref="ActivityPath"/> is relative to the
/// public base URL (e.g. <c>courses/c1/forum/posts/{postId}</c>). The id is chosen by the emitter from
/// the thing it describes (the post id, the webinar and learner), so emitting again is a harmless repeat.
/// </summary>
internal sealed record LearningStatement(
    Guid Id,
    string LearnerId,
    string Verb,
    string CourseId,
    string ActivityPath,
    string ActivityName,
    DateTimeOffset Timestamp);
