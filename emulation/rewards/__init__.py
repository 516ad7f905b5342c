"""Award money and the reward fund: coefficients, base salary, amounts fixed at signing, the fund ledger."""
