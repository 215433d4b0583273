"""Benchmarks for Pressroom at archive scale.

``benchmarks.synthetic`` writes a realistic raw corpus of any size;
``benchmarks.run`` times every stage of a build over it (docs/benchmark.md).
"""
