using Foremast.Aws;
using Foremast.Aws.Extensions;
using Foremast.Cli;

// Commands that execute stages outside the engine (infra) use the live AWS executors when this machine names an account.
var aws = AwsActivation.IsEnabled(bool.TryParse(Environment.GetEnvironmentVariable("Foremast__Aws__Enabled"), out var enabled) ? enabled : null);
return ForemastApp.Create(args, aws ? services => services.AddForemastAwsExecutors() : null).Run(args);
