using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Statements;

namespace AdaptiveMooc.Grains.Assessments;

/// <summary>
/// The xAPI statements of platform-graded attempts. Ids and content are functions of the attempt's stored
/// state, so a statement emitted again after a failure is recognised by the store as the same one.
/// </summary>
internal static class AssessmentStatements
{
    /// <summary>
    /// The context extension carrying an item's skills, <c>{base}/xapi/extensions/skills</c>: items drawn from
    /// the bank are not listed on the lesson, so knowledge tracing takes their skills from here (graders only).
    /// </summary>
    public const string SkillsExtensionSuffix = "/xapi/extensions/skills";

    public static StatementRecord Answered(string baseUrl, string key, AttemptRecord attempt, QuestionItem item, AnswerRecord answer)
    {
        var (learnerId, courseId, lessonId) = AttemptKeys.Parse(key);
        var lessonActivity = $"{baseUrl}/courses/{courseId}/lessons/{lessonId}";
        var activityId = $"{lessonActivity}/items/{item.Id}";
        var id = StableId($"{key}/{attempt.Number}/items/{item.Id}");
        var timestamp = Instant(answer.AnsweredAt);
        var json = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = Actor(baseUrl, learnerId),
            ["verb"] = Verb(XapiVerbs.Answered),
            ["object"] = ItemActivity(activityId, item),
            ["result"] = new JsonObject { ["success"] = answer.Correct, ["response"] = answer.Answer.ToResponse() },
            ["context"] = Context(baseUrl, key, attempt, lessonActivity, item.Skills),
            ["timestamp"] = timestamp,
        }.ToJsonString();
        return Record(id, learnerId, XapiVerbs.Answered, activityId, timestamp, json, courseId, lessonId, item.Id, answer.Correct, null, null, null);
    }

    public static StatementRecord Submitted(string baseUrl, string key, AttemptRecord attempt)
    {
        var (learnerId, courseId, lessonId) = AttemptKeys.Parse(key);
        var activityId = $"{baseUrl}/courses/{courseId}/lessons/{lessonId}";
        var id = StableId($"{key}/{attempt.Number}/submission");
        var passed = attempt.Passed == true;
        var verb = passed ? XapiVerbs.Passed : XapiVerbs.Failed;
        var timestamp = Instant(attempt.SubmittedAt!.Value);
        var duration = attempt.SubmittedAt.Value - attempt.StartedAt;
        var correct = attempt.Answers.Count(a => a.Correct);
        var json = new JsonObject
        {
            ["id"] = id.ToString("D"),
            ["actor"] = Actor(baseUrl, learnerId),
            ["verb"] = Verb(verb),
            ["object"] = new JsonObject
            {
                ["objectType"] = "Activity",
                ["id"] = activityId,
                ["definition"] = new JsonObject { ["type"] = "http://adlnet.gov/expapi/activities/assessment" },
            },
            ["result"] = new JsonObject
            {
                ["success"] = passed,
                ["completion"] = passed,
                ["score"] = new JsonObject { ["scaled"] = attempt.Score, ["raw"] = correct, ["min"] = 0, ["max"] = attempt.Items.Count },
                ["duration"] = System.Xml.XmlConvert.ToString(duration),
            },
            ["context"] = Context(baseUrl, key, attempt, null, []),
            ["timestamp"] = timestamp,
        }.ToJsonString();
        return Record(id, learnerId, verb, activityId, timestamp, json, courseId, lessonId, null, passed, passed, attempt.Score, duration);
    }

    /// <summary>The skills a grader's statement names in <see cref="SkillsExtensionSuffix"/>, or null.</summary>
    public static IReadOnlyList<string>? SkillsOf(string json)
    {
        if (!json.Contains(SkillsExtensionSuffix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(json)?["context"]?["extensions"] is not JsonObject extensions)
            {
                return null;
            }

            foreach (var (name, value) in extensions)
            {
                if (name.EndsWith(SkillsExtensionSuffix, StringComparison.Ordinal) && value is JsonArray array)
                {
                    return [.. array.Select(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null).OfType<string>().Take(10)];
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return null;
    }

    private static JsonObject Context(string baseUrl, string key, AttemptRecord attempt, string? parent, IReadOnlyList<string> skills)
    {
        var context = new JsonObject { ["registration"] = StableId($"{key}/{attempt.Number}").ToString("D") };
        if (parent is not null)
        {
            context["contextActivities"] = new JsonObject { ["parent"] = new JsonArray(new JsonObject { ["id"] = parent }) };
        }

        if (skills.Count > 0)
        {
            context["extensions"] = new JsonObject { [baseUrl + SkillsExtensionSuffix] = new JsonArray([.. skills.Select(s => (JsonNode)s)]) };
        }

        return context;
    }

    /// <summary>A bank item as the statement's object: a <c>cmi.interaction</c> activity (quiz and practice answers alike).</summary>
    internal static JsonObject ItemActivity(string activityId, QuestionItem item) => new()
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
    };

    internal static JsonObject Actor(string baseUrl, string learnerId) => new()
    {
        ["objectType"] = "Agent",
        ["account"] = new JsonObject { ["homePage"] = baseUrl, ["name"] = learnerId },
    };

    internal static JsonObject Verb(string verb) => new()
    {
        ["id"] = verb,
        ["display"] = new JsonObject { ["en-US"] = verb[(verb.LastIndexOf('/') + 1)..] },
    };

    internal static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    internal static StatementRecord Record(
        Guid id, string learnerId, string verb, string activityId, string timestamp, string json, string courseId, string lessonId,
        string? itemId, bool? success, bool? completion, double? score, TimeSpan? duration) =>
        new(
            id, learnerId, verb, activityId, DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture), json,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))),
            courseId, lessonId, itemId, success, completion, score, duration, FromGrader: true);

    /// <summary>A version-8 UUID from the SHA-256 of <paramref name="name"/>.</summary>
    private static Guid StableId(string name) => StableId("assessment", name);

    /// <summary>A version-8 UUID from the SHA-256 of <c>adaptive-mooc/{space}/{name}</c>.</summary>
    internal static Guid StableId(string space, string name)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"adaptive-mooc/{space}/{name}")).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
