using AdaptiveMooc.Grains.Abstractions.Assessments;
using AdaptiveMooc.Grains.Abstractions.Courses;
using AdaptiveMooc.Grains.Abstractions.Learners;

namespace AdaptiveMooc.Grains.Tests.Assessments;

/// <summary>Items of each kind on the skills of <see cref="TestData.Course"/> (npv, irr, history).</summary>
internal static class Bank
{
    public static QuestionItem Single(string id, string skill = "npv") => new(
        id, QuestionKinds.SingleChoice, $"Which discount factor? ({id})", [skill],
        [new QuestionChoice("a", "1/(1+r)^t"), new QuestionChoice("b", "(1+r)^t"), new QuestionChoice("c", "r*t")],
        ["a"], FeedbackCorrect: "Right: discounting divides.", FeedbackIncorrect: "Discounting divides by (1+r)^t.",
        Explanation: "A payment in t years is worth 1/(1+r)^t today.");

    public static QuestionItem Multiple(string id, string skill = "npv") => new(
        id, QuestionKinds.MultipleResponse, "Which raise the NPV?", [skill],
        [new QuestionChoice("a", "Lower rate"), new QuestionChoice("b", "Earlier cash"), new QuestionChoice("c", "Higher rate")],
        ["a", "b"], Explanation: "Both make discounted cash larger.");

    public static QuestionItem Numeric(string id, string skill = "npv") => new(
        id, QuestionKinds.Numeric, "NPV of 110 in one year at 10%?", [skill], Answer: 100, Tolerance: 0.5, Explanation: "110/1.1 = 100.");

    public static QuestionItem Short(string id, string skill = "irr") => new(
        id, QuestionKinds.ShortAnswer, "The rate where NPV is zero?", [skill],
        AcceptedAnswers: ["internal rate of return"], Pattern: "irr|i\\.r\\.r\\.", Explanation: "IRR.");

    /// <summary>A learner enrolled (now on <paramref name="clock"/>) in a new published course whose quiz l2 draws <paramref name="definition"/> from <paramref name="items"/>.</summary>
    public static async Task<(string LearnerId, string CourseId)> Course(
        IGrainFactory grains, TimeProvider clock, AssessmentDefinition definition, params QuestionItem[] items)
    {
        var courseId = TestData.NewId("course");
        await TestData.PublishedCourse(grains, courseId);
        var bank = grains.GetGrain<IQuestionBankGrain>(courseId);
        foreach (var item in items)
        {
            var saved = await bank.Save(item, mustBeNew: true);
            Assert.True(saved.Succeeded, saved.Detail);
        }

        var set = await bank.SetAssessment("l2", definition);
        Assert.True(set.Succeeded, set.Detail);
        var learnerId = await Learner(grains, clock, courseId);
        return (learnerId, courseId);
    }

    public static async Task<string> Learner(IGrainFactory grains, TimeProvider clock, string courseId)
    {
        var learnerId = TestData.NewId("learner");
        var learner = grains.GetGrain<ILearnerGrain>(learnerId);
        await learner.Register(TestData.Learner(learnerId));
        var enrolled = await learner.Enroll(new EnrolmentRequest(courseId, null, null, clock.GetUtcNow().AddMinutes(-1)));
        Assert.True(enrolled.Succeeded, enrolled.Detail);
        return learnerId;
    }

    public static IAssessmentAttemptGrain Attempts(IGrainFactory grains, string learnerId, string courseId, string lessonId = "l2") =>
        grains.GetGrain<IAssessmentAttemptGrain>(AttemptKeys.Of(learnerId, courseId, lessonId));

    public static LessonDefinition Quiz(CourseDefinition course) => course.AllLessons().Single(l => l.Id == "l2");
}
