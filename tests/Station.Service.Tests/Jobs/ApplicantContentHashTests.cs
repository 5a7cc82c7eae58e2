using Station.Service.Jobs;

namespace Station.Service.Tests.Jobs;

public class ApplicantContentHashTests
{
    [Fact]
    public void KeyOrderAndWhitespaceDoNotMatter()
    {
        Assert.Equal(
            ApplicantContentHash.Compute("""{"a":1,"b":{"y":[1,2],"x":"Việt"}}"""),
            ApplicantContentHash.Compute("""{ "b": { "x": "Việt", "y": [ 1, 2 ] }, "a": 1 }"""));
    }

    [Fact]
    public void ValuesAndArrayOrderDo()
    {
        Assert.NotEqual(ApplicantContentHash.Compute("""{"a":[1,2]}"""), ApplicantContentHash.Compute("""{"a":[2,1]}"""));
        Assert.NotEqual(ApplicantContentHash.Compute("""{"a":"x"}"""), ApplicantContentHash.Compute("""{"a":"y"}"""));
    }

    [Fact]
    public void IsTheSha256OfTheCanonicalForm()
    {
        // sha256('{"a":1,"b":2}')
        Assert.Equal("43258cff783fe7036d8a43033f830adfc60ec037382473548ac742b888292777", ApplicantContentHash.Compute("""{ "b": 2, "a": 1 }"""));
    }
}
