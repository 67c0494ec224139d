namespace AdaptiveMooc.Api.Tests.Security;

/// <summary>
/// The world the access matrix runs in: a published course taught by <c>trainerId</c> with
/// <c>learnerId</c> enrolled, a second learner, a second trainer, keys per scope.
/// </summary>
public sealed class AccessScenario
{
    public required string BaseUrl { get; init; }

    /// <summary>
    /// Values by name: learnerId, otherLearnerId, courseId, spareCourseId, trainerId, otherTrainerId, spareTrainerId,
    /// apiKeyId, threadId (opened by learnerId in courseId), openingPostId, postId (the trainer's reply), webinarId
    /// (in courseId), certificateId (learnerId's, earned in spareCourseId), calendarToken (otherLearnerId's calendar feed),
    /// lessonId (l1 of courseId), version (1), mediaId (a file uploaded to courseId).
    /// </summary>
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public string this[string name] => Values.TryGetValue(name, out var value)
        ? value
        : throw new KeyNotFoundException($"The access scenario has no value '{name}': add it to AccessMatrixTests.SetUpAsync.");

    /// <summary>An xAPI actor object for a learner of this scenario.</summary>
    public object Actor(string learnerId) => new { account = new { homePage = BaseUrl, name = learnerId } };
}
