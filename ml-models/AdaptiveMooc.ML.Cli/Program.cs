Console.Error.WriteLine("usage: mooc ml <kt-eval|risk-eval|pacing-eval|next-eval|train> ...");
return 2;
