using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Statements;
using AdaptiveMooc.Grains.Assessments;

namespace AdaptiveMooc.Grains.Practice;

/// <summary>
/// The <c>answered</c> statement of a practice answer, shaped as the platform's quiz answers are
/// (<see cref="AssessmentStatements"/>): the item as a <c>cmi.interaction</c> under the lesson that teaches
/// the skill, <c>result.success</c>, the item's skills in the skills extension, the platform as grader. Id and
/// content are functions of the stored answer, so a statement sent again is the same statement.
/// </summary>
internal static class PracticeStatements
{
    public static StatementRecord Answered(string baseUrl, string learnerId, string courseId, string skill, PracticeAnswerRecord answer)
    {
        var item = answer.Item;
        var lessonActivity = $"{baseUrl}/courses/{courseId}/lessons/{answer.LessonId}";
        var activityId = $"{lessonActivity}/items/{item.Id}";
        var id = StableId($"{learnerId}/{courseId}/{skill}/{answer.Sequence}");
        var timestamp = answer.AnsweredAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var json = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = new JsonObject
            {
                ["objectType"] = "Agent",
                ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = learnerId },
            },
            ["verb"] = new JsonObject { ["id"] = XapiVerbs.Answered, ["display"] = new JsonObject { ["en-US"] = "answered" } },
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activityId,
                ["definition"] = new JsonObject
                {
                    ["name"] = new JsonObject { ["en-US"] = item.Prompt.Length > 120 ? item.Prompt[..120] : item.Prompt },
                    ["type"] = "http://adlnet.gov/expapi/activities/cmi.interaction",
                    ["interactionType"] = item.Kind switch
                    {
                        QuestionKinds.SingleChoice or QuestionKinds.MultipleResponse => "choice",
                        QuestionKinds.Numeric => "numeric",
                        _ => "fill-in",
                    },
                },
            },
            ["result"] = new JsonObject { ["success"] = answer.Correct, ["response"] = answer.Answer.ToResponse() },
            ["context"] = new JsonObject
            {
                ["registration"] = StableId($"{learnerId}/{courseId}/{skill}").ToString("D"),
                ["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = lessonActivity }) },
                ["extensions"] = new JsonObject
                {
                    [baseUrl + AssessmentStatements.SkillsExtensionSuffix] = new JsonArray([.. item.Skills.Select(s => (JsonNode)s)]),
                },
            },
            ["timestamp"] = timestamp,
        }.ToJsonString();
        return new StatementRecord(
            id, learnerId, XapiVerbs.Answered, activityId, DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture), json,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            courseId, answer.LessonId, item.Id, answer.Correct, null, null, null, FromGrader: true);
    }

    /// <summary>A version-8 UUID from the SHA-256 of <paramref name="name"/>.</summary>
    private static Guid StableId(string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("adaptive-mooc/practice/" + name)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
