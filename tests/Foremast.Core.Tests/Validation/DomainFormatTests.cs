using Foremast.Core.Validation.Rules;

namespace Foremast.Core.Tests.Validation;

public class DomainFormatTests
{
    [Theory]
    [InlineData("rate(1 minute)")]
    [InlineData("rate(5 minutes)")]
    [InlineData("rate(12 hours)")]
    [InlineData("cron(0 12 * * ? *)")]
    [InlineData("cron(0/15 8-17 ? * MON-FRI *)")]
    [InlineData("cron(0 10 ? * 6L 2030)")]
    [InlineData("cron(0 10 15W * ? *)")]
    [InlineData("cron(0 10 ? * 2#1 *)")]
    public void Schedule_expressions_AWS_accepts_pass(string expression)
    {
        Assert.Null(ScheduleExpression.Problem(expression));
    }

    [Theory]
    [InlineData("rate(1 minutes)", "rate(1 minutes) must be written rate(1 minute)")]
    [InlineData("rate(0 hours)", "rate value must be a positive whole number, got \"0\"")]
    [InlineData("rate(5 weeks)", "rate unit must be minute(s), hour(s) or day(s), got \"weeks\"")]
    [InlineData("every 5 minutes", "expected \"rate(N unit)\" or \"cron(minutes hours day-of-month month day-of-week year)\"")]
    [InlineData("cron(61 * * * ? *)", "cron() minutes field \"61\" is not valid (values 0-59, * , - /)")]
    [InlineData("cron(0 12 * * * *)", "cron() needs \"?\" in exactly one of day-of-month and day-of-week")]
    [InlineData("cron(0 12 ? FOO * *)", "cron() month field \"FOO\" is not valid (values 1-12 or JAN-DEC, * , - /)")]
    public void Schedule_expressions_AWS_refuses_say_why(string expression, string expected)
    {
        Assert.Equal(expected, ScheduleExpression.Problem(expression));
    }

    [Theory]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("0.0.0.0/0", true)]
    [InlineData("192.168.1.10/32", true)]
    [InlineData("2001:db8::/32", true)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("10.0.0.256/8", false)]
    [InlineData("10.1/8", false)]
    [InlineData("10.0.0.0", false)]
    [InlineData("2001:db8::/129", false)]
    public void Cidr_blocks_parse_as_EC2_reads_them(string cidr, bool valid)
    {
        Assert.Equal(valid, Cidr.IsValid(cidr));
    }

    [Theory]
    [InlineData("forrest-unicorn", null)]
    [InlineData("unicorn.forrest.dev.example.com", null)]
    [InlineData("ab", "is 2 characters")]
    [InlineData("forrest_unicorn", "contains an underscore")]
    [InlineData("Forrest-unicorn", "contains an uppercase letter")]
    [InlineData("-forrest", "does not start and end with a letter or digit")]
    [InlineData("a..b", "contains \"..\"")]
    [InlineData("192.168.1.1", "is formatted as an IP address")]
    public void Bucket_names_follow_AWS_rules(string name, string? problem)
    {
        Assert.Equal(problem, S3BucketName.Problem(name));
    }
}
